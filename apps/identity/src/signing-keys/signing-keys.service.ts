import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { IDENTITY_CONFIG, IdentityConfig } from '../config/identity.config';
import {
  generatePrivateKeyPem,
  PublicJwk,
  SigningKey,
  signingKeyFromPem,
} from './domain/signing-key';
import { SigningKeysRepository } from './persistence/signing-keys.repository';

/**
 * The key identity signs access tokens with. Production sets JWT_PRIVATE_KEY (a secret);
 * otherwise the first replica to start generates one and stores it, and every replica
 * (and every restart) uses that stored key, so tokens stay valid across them.
 */
@Injectable()
export class SigningKeysService implements OnModuleInit {
  private readonly logger = new Logger(SigningKeysService.name);
  private key: SigningKey | null = null;

  constructor(
    private readonly repository: SigningKeysRepository,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.jwtPrivateKey) {
      this.key = signingKeyFromPem(this.config.jwtPrivateKey);
      this.logger.log(`signing access tokens with JWT_PRIVATE_KEY (kid ${this.key.kid})`);
      return;
    }
    const pem = await this.repository.currentOrInsert(() => {
      const generated = generatePrivateKeyPem();
      return { kid: signingKeyFromPem(generated).kid, pem: generated };
    });
    this.key = signingKeyFromPem(pem);
    this.logger.log(`signing access tokens with the stored key (kid ${this.key.kid})`);
  }

  current(): SigningKey {
    if (!this.key) throw new Error('the signing key is not loaded yet');
    return this.key;
  }

  /** The published key set; a rotation would list the previous key here until its tokens expire. */
  jwks(): { keys: PublicJwk[] } {
    return { keys: [this.current().publicJwk] };
  }
}

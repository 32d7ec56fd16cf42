import { IsString, Matches, MaxLength } from 'class-validator';

/**
 * A one-time link sealed with AES-256-GCM (libs/contracts/src/access-link/access-link-cipher.ts)
 * under a key only identity and notifications hold: the event carries no usable link, so a
 * reader of the topic, a dead letter or a replay exposes nothing. Base64 fields.
 */
export class SealedLink {
  /** Which key sealed it: the first 16 hex digits of the key's SHA-256 (see keyIdOf). */
  @IsString()
  @Matches(/^[0-9a-f]{16}$/)
  keyId: string;

  /** 12 random bytes, base64. */
  @IsString()
  @Matches(/^[A-Za-z0-9+/]{16}$/)
  iv: string;

  /** The encrypted link, base64. */
  @IsString()
  @MaxLength(4096)
  @Matches(/^[A-Za-z0-9+/]+={0,2}$/)
  ciphertext: string;

  /** The 16-byte GCM authentication tag, base64. */
  @IsString()
  @Matches(/^[A-Za-z0-9+/]{22}==$/)
  tag: string;
}

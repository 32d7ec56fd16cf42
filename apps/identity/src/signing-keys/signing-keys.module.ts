import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JwksController } from './jwks.controller';
import {
  SIGNING_KEY_MODEL,
  SigningKeySchema,
  SIGNING_KEYS_COLLECTION,
} from './persistence/signing-key.schema';
import {
  MongoSigningKeysRepository,
  SigningKeysRepository,
} from './persistence/signing-keys.repository';
import { SigningKeysService } from './signing-keys.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: SIGNING_KEY_MODEL, schema: SigningKeySchema, collection: SIGNING_KEYS_COLLECTION },
    ]),
  ],
  controllers: [JwksController],
  providers: [
    SigningKeysService,
    { provide: SigningKeysRepository, useClass: MongoSigningKeysRepository },
  ],
  exports: [SigningKeysService],
})
export class SigningKeysModule {}

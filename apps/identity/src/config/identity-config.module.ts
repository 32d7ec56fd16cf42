import { Global, Module } from '@nestjs/common';
import { IDENTITY_CONFIG, readIdentityConfig } from './identity.config';

@Global()
@Module({
  providers: [{ provide: IDENTITY_CONFIG, useFactory: () => readIdentityConfig() }],
  exports: [IDENTITY_CONFIG],
})
export class IdentityConfigModule {}

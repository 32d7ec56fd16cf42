import { Module } from '@nestjs/common';
import { AuthFeatureModule } from '../auth/auth-feature.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { PasswordsController } from './passwords.controller';
import { PasswordsService } from './passwords.service';

@Module({
  imports: [UsersModule, SessionsModule, AuthFeatureModule],
  controllers: [PasswordsController],
  providers: [PasswordsService],
})
export class PasswordsModule {}

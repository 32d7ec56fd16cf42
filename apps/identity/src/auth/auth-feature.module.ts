import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { SessionCheckInterceptor } from '../common/session-check.interceptor';
import { SignInErrorFilter } from '../common/sign-in-error.filter';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ClientThrottleService } from './client-throttle.service';
import {
  LOGIN_ATTEMPT_MODEL,
  LoginAttemptSchema,
  LOGIN_ATTEMPTS_COLLECTION,
} from './persistence/login-attempt.schema';
import {
  LoginAttemptsRepository,
  MongoLoginAttemptsRepository,
} from './persistence/login-attempts.repository';
import {
  REQUEST_THROTTLE_MODEL,
  RequestThrottleSchema,
  REQUEST_THROTTLES_COLLECTION,
} from './persistence/request-throttle.schema';
import { RequestThrottlesRepository } from './persistence/request-throttles.repository';

/** Sign-in: login with lockout (per email and per client address), refresh, logout, me; identity-wide 401/429 mapping. */
@Module({
  imports: [
    MongooseModule.forFeature([
      {
        name: LOGIN_ATTEMPT_MODEL,
        schema: LoginAttemptSchema,
        collection: LOGIN_ATTEMPTS_COLLECTION,
      },
      {
        name: REQUEST_THROTTLE_MODEL,
        schema: RequestThrottleSchema,
        collection: REQUEST_THROTTLES_COLLECTION,
      },
    ]),
    UsersModule,
    SessionsModule,
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    ClientThrottleService,
    RequestThrottlesRepository,
    { provide: LoginAttemptsRepository, useClass: MongoLoginAttemptsRepository },
    { provide: APP_FILTER, useClass: SignInErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: SessionCheckInterceptor },
  ],
  exports: [AuthService, ClientThrottleService],
})
export class AuthFeatureModule {}

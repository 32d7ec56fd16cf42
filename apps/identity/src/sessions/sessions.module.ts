import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SigningKeysModule } from '../signing-keys/signing-keys.module';
import { UsersModule } from '../users/users.module';
import { SESSION_MODEL, SessionSchema, SESSIONS_COLLECTION } from './persistence/session.schema';
import { MongoSessionsRepository, SessionsRepository } from './persistence/sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: SESSION_MODEL, schema: SessionSchema, collection: SESSIONS_COLLECTION },
    ]),
    UsersModule,
    SigningKeysModule,
  ],
  providers: [SessionsService, { provide: SessionsRepository, useClass: MongoSessionsRepository }],
  exports: [SessionsService],
})
export class SessionsModule {}

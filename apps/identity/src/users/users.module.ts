import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { USER_MODEL, UserSchema, USERS_COLLECTION } from './persistence/user.schema';
import { MongoUsersRepository, UsersRepository } from './persistence/users.repository';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/**
 * Users and their one-time links. Exports UsersService (registrations create the customer's
 * first user through it) and the repository (sign-in and password flows).
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: USER_MODEL, schema: UserSchema, collection: USERS_COLLECTION },
    ]),
  ],
  controllers: [UsersController],
  providers: [
    UsersService,
    BootstrapAdminService,
    { provide: UsersRepository, useClass: MongoUsersRepository },
  ],
  exports: [UsersService, UsersRepository],
})
export class UsersModule {}

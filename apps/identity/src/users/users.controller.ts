import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@metered/auth';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UserListResponse, UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Add a staff user; they get an email to set their own password' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'invalid fields (each named)' })
  @ApiConflictResponse({ description: 'a user with this email already exists' })
  async create(@Body() body: CreateStaffUserDto): Promise<UserResponse> {
    return UserResponse.from(await this.users.createStaffUser(body));
  }

  // The helpdesk console shows an account's users and finds an account by a caller's email.
  @Get()
  @Roles('helpdesk', 'admin')
  @ApiOperation({
    summary: 'Users, customers and staff (helpdesk, admin); filter by account and/or email',
  })
  @ApiOkResponse({ type: UserListResponse })
  @ApiForbiddenResponse({ description: 'customers and other staff roles' })
  async list(@Query() query: ListUsersQuery): Promise<UserListResponse> {
    return { items: (await this.users.list(query)).map(UserResponse.from) };
  }
}

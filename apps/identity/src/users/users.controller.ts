import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@metered/auth';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { UserListResponse, UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('users')
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

  @Get()
  @ApiOperation({ summary: 'All users, customers and staff' })
  @ApiOkResponse({ type: UserListResponse })
  async list(): Promise<UserListResponse> {
    return { items: (await this.users.list()).map(UserResponse.from) };
  }
}

import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { CreateAgencyDto, CreateUserDto, UpdateAgencyDto, UpdateUserDto } from '../auth/auth.dto';
import { type SessionUser } from '../auth/session-user';
import { UuidParam } from '../common/uuid-param.pipe';
import { AgenciesService } from './agencies.service';
import { UsersService } from './users.service';

@ApiTags('directory')
@Controller()
export class DirectoryController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
  ) {}

  @Get('agencies')
  listAgencies(@CurrentUser() user: SessionUser) {
    return this.agencies.list(user);
  }

  @Roles('admin')
  @Post('agencies')
  createAgency(@CurrentUser() user: SessionUser, @Body() body: CreateAgencyDto) {
    return this.agencies.create(user, body);
  }

  @Roles('admin')
  @Patch('agencies/:id')
  updateAgency(
    @CurrentUser() user: SessionUser,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateAgencyDto,
  ) {
    return this.agencies.update(user, id, body);
  }

  @Roles('admin')
  @Get('users')
  listUsers(@CurrentUser() user: SessionUser) {
    return this.users.list(user);
  }

  @Roles('admin')
  @Post('users')
  createUser(@CurrentUser() user: SessionUser, @Body() body: CreateUserDto) {
    return this.users.create(user, body);
  }

  @Roles('admin')
  @Patch('users/:id')
  updateUser(
    @CurrentUser() user: SessionUser,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateUserDto,
  ) {
    return this.users.update(user, id, body);
  }
}

import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateAgency,
  CreateUser,
  ListAgencies,
  ListUsers,
  UpdateAgency,
  UpdateUser,
} from '@gongkai/application';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { CreateAgencyDto, CreateUserDto, UpdateAgencyDto, UpdateUserDto } from '../auth/auth.dto';
import { type SessionUser } from '../auth/session-user';
import { UuidParam } from '../common/uuid-param.pipe';

@ApiTags('directory')
@Controller()
export class DirectoryController {
  constructor(
    private readonly listAgenciesUseCase: ListAgencies,
    private readonly createAgencyUseCase: CreateAgency,
    private readonly updateAgencyUseCase: UpdateAgency,
    private readonly listUsersUseCase: ListUsers,
    private readonly createUserUseCase: CreateUser,
    private readonly updateUserUseCase: UpdateUser,
  ) {}

  @Get('agencies')
  listAgencies(@CurrentUser() user: SessionUser) {
    return this.listAgenciesUseCase.execute(user);
  }

  @Roles('admin')
  @Post('agencies')
  createAgency(@CurrentUser() user: SessionUser, @Body() body: CreateAgencyDto) {
    return this.createAgencyUseCase.execute(user, body);
  }

  @Roles('admin')
  @Patch('agencies/:id')
  updateAgency(
    @CurrentUser() user: SessionUser,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateAgencyDto,
  ) {
    return this.updateAgencyUseCase.execute(user, id, body);
  }

  @Roles('admin')
  @Get('users')
  listUsers(@CurrentUser() user: SessionUser) {
    return this.listUsersUseCase.execute(user);
  }

  @Roles('admin')
  @Post('users')
  createUser(@CurrentUser() user: SessionUser, @Body() body: CreateUserDto) {
    return this.createUserUseCase.execute(user, body);
  }

  @Roles('admin')
  @Patch('users/:id')
  updateUser(
    @CurrentUser() user: SessionUser,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateUserDto,
  ) {
    return this.updateUserUseCase.execute(user, id, body);
  }
}

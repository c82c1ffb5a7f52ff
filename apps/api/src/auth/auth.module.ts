import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CreateAgency, ListAgencies, ResolveSession, UpdateAgency } from '@gongkai/application';
import { onDataSource } from '../database.token';
import { DirectoryController } from '../directory/directory.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AUTH_USE_CASES } from './auth.providers';

@Global()
@Module({
  controllers: [AuthController, DirectoryController],
  providers: [
    ...AUTH_USE_CASES,
    onDataSource(ListAgencies),
    onDataSource(CreateAgency),
    onDataSource(UpdateAgency),
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [ResolveSession],
})
export class AuthModule {}

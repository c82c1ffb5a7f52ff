import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ResolveSession } from '@gongkai/application';
import { AgenciesService } from '../directory/agencies.service';
import { DirectoryController } from '../directory/directory.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AUTH_USE_CASES } from './auth.providers';

@Global()
@Module({
  controllers: [AuthController, DirectoryController],
  providers: [...AUTH_USE_CASES, AgenciesService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ResolveSession],
})
export class AuthModule {}

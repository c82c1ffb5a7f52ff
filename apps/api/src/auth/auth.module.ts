import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AgenciesService } from '../directory/agencies.service';
import { DirectoryController } from '../directory/directory.controller';
import { UsersService } from '../directory/users.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';

@Global()
@Module({
  controllers: [AuthController, DirectoryController],
  providers: [
    AuthService,
    AgenciesService,
    UsersService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}

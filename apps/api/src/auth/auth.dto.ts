import { createZodDto } from 'nestjs-zod';
import {
  changePasswordSchema,
  createAgencySchema,
  createUserSchema,
  loginSchema,
  updateAgencySchema,
  updateUserSchema,
} from '@gongkai/contracts';

export class LoginDto extends createZodDto(loginSchema) {}
export class ChangePasswordDto extends createZodDto(changePasswordSchema) {}
export class CreateUserDto extends createZodDto(createUserSchema) {}
export class UpdateUserDto extends createZodDto(updateUserSchema) {}
export class CreateAgencyDto extends createZodDto(createAgencySchema) {}
export class UpdateAgencyDto extends createZodDto(updateAgencySchema) {}

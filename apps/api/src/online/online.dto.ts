import { createZodDto } from 'nestjs-zod';
import { applicationStatusQuerySchema, onlineApplicationSchema } from '@gongkai/contracts';

export class OnlineApplicationDto extends createZodDto(onlineApplicationSchema) {}
export class ApplicationStatusQueryDto extends createZodDto(applicationStatusQuerySchema) {}

import { createZodDto } from 'nestjs-zod';
import {
  createProceedingSchema,
  proceedingListQuerySchema,
  updateProceedingSchema,
} from '@gongkai/contracts';

export class CreateProceedingDto extends createZodDto(createProceedingSchema) {}
export class UpdateProceedingDto extends createZodDto(updateProceedingSchema) {}
export class ProceedingListQueryDto extends createZodDto(proceedingListQuerySchema) {}

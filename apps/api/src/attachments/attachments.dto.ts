import { createZodDto } from 'nestjs-zod';
import { uploadAttachmentSchema, withdrawAttachmentSchema } from '@gongkai/contracts';

export class UploadAttachmentDto extends createZodDto(uploadAttachmentSchema) {}
export class WithdrawAttachmentDto extends createZodDto(withdrawAttachmentSchema) {}

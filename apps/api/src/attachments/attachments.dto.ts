import { createZodDto } from 'nestjs-zod';
import {
  attachmentDownloadsQuerySchema,
  uploadAttachmentSchema,
  withdrawAttachmentSchema,
} from '@gongkai/contracts';

export class UploadAttachmentDto extends createZodDto(uploadAttachmentSchema) {}
export class WithdrawAttachmentDto extends createZodDto(withdrawAttachmentSchema) {}
export class AttachmentDownloadsQueryDto extends createZodDto(attachmentDownloadsQuerySchema) {}

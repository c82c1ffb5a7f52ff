import { createZodDto } from 'nestjs-zod';
import { notificationListQuerySchema } from '@gongkai/contracts';

export class NotificationListQueryDto extends createZodDto(notificationListQuerySchema) {}

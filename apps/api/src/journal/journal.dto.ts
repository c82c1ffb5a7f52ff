import { createZodDto } from 'nestjs-zod';
import { journalSearchQuerySchema } from '@gongkai/contracts';

export class JournalSearchQueryDto extends createZodDto(journalSearchQuerySchema) {}

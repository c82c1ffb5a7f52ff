import { createZodDto } from 'nestjs-zod';
import { importLedgerSchema } from '@gongkai/contracts';

export class ImportLedgerDto extends createZodDto(importLedgerSchema) {}

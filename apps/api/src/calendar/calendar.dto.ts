import { createZodDto } from 'nestjs-zod';
import { putCalendarYearSchema } from '@gongkai/contracts';

export class PutCalendarYearDto extends createZodDto(putCalendarYearSchema) {}

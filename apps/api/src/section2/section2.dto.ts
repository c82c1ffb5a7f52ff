import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { putSection2Schema, section2QuerySchema } from '@gongkai/contracts';

// The body is a union of the two formats; the DTO class needs an object schema, so it takes the
// envelope and the service checks the figures against the union.
export const putSection2EnvelopeSchema = z.object({
  format: z.enum(['2019', '2021'], { error: '格式只能是 2019 或 2021' }),
  figures: z.record(z.string(), z.unknown(), { error: '第二部分数据应为对象' }),
  agencyId: z.uuid('机关编号格式有误').optional(),
});
export class PutSection2Dto extends createZodDto(putSection2EnvelopeSchema) {}
export class Section2QueryDto extends createZodDto(section2QuerySchema) {}
export { putSection2Schema };

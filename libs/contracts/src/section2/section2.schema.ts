import { z } from 'zod';
import { reportFormatForYear, type ReportFormatCode } from '@gongkai/domain';

// Section 二 (regulation.md §1.2): non-negative integers, the fee a decimal in 万元, and null
// for "/" (not applicable), which is not 0 (Project rule in §1.2).
const count = z.int('应为非负整数').min(0, '应为非负整数').max(100_000_000).nullable();
const wan = z.number('应为数字').min(0, '金额不能为负').max(100_000_000).nullable();
const signed = z.int('应为整数').min(-100_000_000).max(100_000_000).nullable();

const docs2021 = z.strictObject({ issued: count, repealed: count, inForce: count });
const decisions = z.strictObject({ decisions: count });

export const section2Of2021Schema = z.strictObject({
  rules: docs2021,
  normativeDocuments: docs2021,
  licensing: decisions,
  penalties: decisions,
  enforcement: decisions,
  fees: z.strictObject({ amountWan: wan }),
});

const docs2019 = z.strictObject({ newlyMade: count, newlyPublished: count, totalPublished: count });
const items2019 = z.strictObject({ previousYearItems: count, change: signed, decisions: count });

export const section2Of2019Schema = z.strictObject({
  rules: docs2019,
  normativeDocuments: docs2019,
  licensing: items2019,
  otherServices: items2019,
  penalties: items2019,
  enforcement: items2019,
  fees: z.strictObject({ previousYearItems: count, change: signed }),
  procurement: z.strictObject({ projects: count, totalAmount: wan }),
});

/** PUT /api/section2/:year. Reports of 2019 and 2020 use the 2019 trial format (Project rule 14). */
export const putSection2Schema = z.discriminatedUnion(
  'format',
  [
    z.object({
      format: z.literal('2021'),
      figures: section2Of2021Schema,
      agencyId: z.uuid().optional(),
    }),
    z.object({
      format: z.literal('2019'),
      figures: section2Of2019Schema,
      agencyId: z.uuid().optional(),
    }),
  ],
  { error: '格式只能是 2019 或 2021' },
);
export type PutSection2Request = z.infer<typeof putSection2Schema>;

export const section2QuerySchema = z.object({ agencyId: z.uuid('机关编号格式有误').optional() });

/** Project rule 14, the domain's `reportFormatForYear`: the format section 二 is entered in. */
export const section2FormatOf: (year: number) => ReportFormatCode = reportFormatForYear;

/** Section 二 as stored: row → field → figure, null for "/" (the report model's `Section2`). */
export type Section2Figures = Record<string, Record<string, number | null>>;

/** `GET /api/section2/:year`: the figures entered for an agency's year, or null before any. */
export interface Section2View {
  agencyId: string;
  year: number;
  format: ReportFormatCode;
  figures: Section2Figures | null;
  updatedAt: string | null;
}

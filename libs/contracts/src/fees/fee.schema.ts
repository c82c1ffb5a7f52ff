import { z } from 'zod';

/** GET /api/cases/:id/fee: the fee computed by 国办函〔2020〕109号, with its derivation. */
export const computeFeeQuerySchema = z
  .object({
    standard: z.enum(['per_application', 'per_page'], { error: '收费方式只能是按件或按量' }),
    pages: z.coerce
      .number({ error: '页数应为整数' })
      .int('页数应为整数')
      .min(1, '页数至少为1页')
      .max(10_000_000, '页数过大')
      .optional(),
  })
  .refine((q) => q.standard !== 'per_page' || q.pages !== undefined, {
    message: '按量计收请填写提供的页数',
    path: ['pages'],
  });
export type ComputeFeeQuery = z.infer<typeof computeFeeQuerySchema>;

export interface ComputedFeeView {
  standard: 'per_application' | 'per_page';
  amountYuan: number;
  bands: {
    from: number;
    to: number | null;
    unitYuan: number;
    count: number;
    subtotalYuan: number;
  }[];
  /** The derivation as told to the clerk (Chinese) and in English. */
  lines: string[];
  linesEn: string[];
  month: string | null;
  ordinalInMonth: number | null;
  monthCount: number | null;
  monthCases: { id: string; ref: string; receivedOn: string }[];
  pages: number | null;
}

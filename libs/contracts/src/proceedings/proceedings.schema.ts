import { z } from 'zod';
import {
  localDate,
  proceedingKindSchema,
  proceedingResultSchema,
  text,
  uuidSchema,
} from '../cases/common.schema';

const fields = {
  caseId: uuidSchema('案件编号').nullable().optional(),
  kind: proceedingKindSchema,
  filedOn: localDate('立案（申请）日期'),
  /** Absent or null while pending (尚未审结). */
  result: proceedingResultSchema.nullable().optional(),
  concludedOn: localDate('审结日期').nullable().optional(),
  note: text(1000, '备注').nullable().optional(),
};

const consistent = (v: { result?: string | null; concludedOn?: string | null; filedOn?: string }) =>
  !!v.result === !!v.concludedOn && (!v.concludedOn || !v.filedOn || v.concludedOn >= v.filedOn);
const consistency = {
  message: '有审理结果时须填写审结日期（不早于立案日期），尚未审结的两者都不填',
};

/** POST /api/proceedings: 行政复议 / 行政诉讼 (section 四). */
export const createProceedingSchema = z
  .object({ ...fields, agencyId: uuidSchema('机关编号').optional() })
  .refine(consistent, consistency);
export type CreateProceedingRequest = z.infer<typeof createProceedingSchema>;

export const updateProceedingSchema = z
  .object({
    kind: fields.kind.optional(),
    filedOn: fields.filedOn.optional(),
    result: fields.result,
    concludedOn: fields.concludedOn,
    note: fields.note,
    caseId: fields.caseId,
  })
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateProceedingRequest = z.infer<typeof updateProceedingSchema>;

export const proceedingListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2999).optional(),
  caseId: uuidSchema('案件编号').optional(),
});
export type ProceedingListQuery = z.infer<typeof proceedingListQuerySchema>;

export interface ProceedingView {
  id: string;
  agencyId: string;
  caseId: string | null;
  caseRef: string | null;
  kind: string;
  filedOn: string;
  result: string | null;
  concludedOn: string | null;
  note: string | null;
}

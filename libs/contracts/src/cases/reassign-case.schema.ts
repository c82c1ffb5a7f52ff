import { z } from 'zod';
import { requiredText, uuidSchema } from './common.schema';

/** PUT /api/cases/:id/assignee: a leader or administrator hands the case to another clerk (改派). */
export const reassignCaseSchema = z.object({
  assigneeId: uuidSchema('经办人编号'),
  reason: requiredText(500, '改派理由'),
  /** The version the user saw; another change in between answers 409. */
  expectedVersion: z.int('版本号应为整数').min(1, '版本号从1开始').optional(),
});
export type ReassignCaseRequest = z.infer<typeof reassignCaseSchema>;

/** GET /api/clerks: who a case can be assigned to (active clerks of the user's agency). */
export interface ClerkOption {
  id: string;
  displayName: string;
}

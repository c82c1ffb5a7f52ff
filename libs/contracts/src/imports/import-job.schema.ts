import { z } from 'zod';
import type { ImportLedgerRequest } from './import.schema';

/**
 * What a `ledger.import` job reports with `job.updateProgress` (GET /api/jobs/:id `progress`):
 * every line is checked first (`validating`), then the valid ones are written in one transaction
 * (`importing`). A ledger with rejected lines and no skipInvalid never reaches `importing`.
 */
export const ledgerImportProgressSchema = z.object({
  phase: z.enum(['validating', 'importing']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type LedgerImportProgress = z.infer<typeof ledgerImportProgressSchema>;

/**
 * `ledger.import` job data: the uploaded ledger itself (bounded by the API's body limit), so the
 * file is queued in the same Redis write as the job and no storage outlives it.
 */
export type LedgerImportJobData = Pick<
  ImportLedgerRequest,
  'jsonl' | 'xlsxBase64' | 'skipInvalid'
> & {
  agencyId: string;
  /** The user the replayed steps are journaled as. */
  actorId: string;
};

/** 202 answer of POST /api/imports/jobs; GET /api/jobs/:jobId then shows a LedgerImportReport. */
export interface LedgerImportJobAccepted {
  jobId: string;
}

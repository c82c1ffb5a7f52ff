import { z } from 'zod';

/** POST /api/imports with a JSON body: the JSONL text of a ledger (ledger-format.md). */
export const importLedgerSchema = z.object({
  jsonl: z
    .string({ error: '请提供 JSON Lines 格式的台账内容' })
    .min(1, '台账内容为空')
    .max(20_000_000),
  skipInvalid: z.boolean().optional(),
});
export type ImportLedgerRequest = z.infer<typeof importLedgerSchema>;

export interface LedgerLineError {
  line: number;
  ref: string | null;
  reason: string;
}

export interface LedgerImportReport {
  /** True when the valid lines were written (all lines valid, or skipInvalid). */
  committed: boolean;
  lines: number;
  imported: number;
  /** Lines whose ref the agency already has (importing the same ledger twice changes nothing). */
  unchanged: number;
  rejected: LedgerLineError[];
  flagged: { line: number; ref: string; flags: string[] }[];
  proceedings: number;
}

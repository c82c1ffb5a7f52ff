import { z } from 'zod';

/**
 * POST /api/imports with a JSON body: a ledger (ledger-format.md) as JSON Lines text, or an .xlsx
 * sheet in base64 — exactly one of the two.
 */
export const importLedgerSchema = z
  .object({
    jsonl: z
      .string({ error: '请提供 JSON Lines 格式的台账内容' })
      .min(1, '台账内容为空')
      .max(20_000_000)
      .optional(),
    xlsxBase64: z
      .base64('Excel 台账应以 base64 编码上传')
      .min(1, '台账内容为空')
      .max(27_000_000)
      .optional(),
    skipInvalid: z.boolean().optional(),
  })
  .refine((v) => (v.jsonl === undefined) !== (v.xlsxBase64 === undefined), {
    message: '请上传一份台账：JSON Lines 文本或 Excel 文件，二者选一',
    path: ['jsonl'],
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
  /** Workbook columns the reader did not know, named once (their cells were not read). */
  ignoredColumns?: string[];
}

import { z } from 'zod';
import { JOURNAL_ENTRY_TYPES } from '@gongkai/domain';
import { localDate, pagingFields, text, uuidSchema } from './cases/common.schema';

// The journal's note types and labels live in libs/domain, beside the machine's event labels.
export {
  JOURNAL_ENTRY_TYPES,
  JOURNAL_NOTE_LABELS,
  JOURNAL_NOTE_TYPES,
  journalTypeLabel,
  type JournalNoteType,
} from '@gongkai/domain';

/**
 * GET /api/journal query string: the journal of every case in the user's scope. `from`/`to` are
 * days of the recorded time in Asia/Shanghai, both inclusive.
 */
export const journalSearchQuerySchema = z
  .object({
    type: z
      .enum(JOURNAL_ENTRY_TYPES as [string, ...string[]], { error: '未知的日志类型' })
      .optional(),
    /** A user id, a username, or `system` (the deadline sweep). */
    actor: text(100, '操作人').optional(),
    from: localDate('起始日期').optional(),
    to: localDate('截止日期').optional(),
    /** Part of the case ref, or of any value in the row's payload. */
    q: text(100, '搜索内容').optional(),
    agencyId: uuidSchema('机关编号').optional(),
    ...pagingFields(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    message: '起始日期不能晚于截止日期',
    path: ['from'],
  });
export type JournalSearchQuery = z.infer<typeof journalSearchQuerySchema>;

/** One journal row as the auditor's search shows it. */
export interface JournalSearchRow {
  caseId: string;
  caseRef: string;
  agencyId: string;
  seq: number;
  type: string;
  /** The Chinese label of the type. */
  label: string;
  machineEvent: boolean;
  actor: { id: string; displayName: string | null; role: string };
  recordedAt: string;
  /** The legal date of the event: the `on` it was sent with (for a note, the day it was made). */
  on: string;
  basis: string | null;
  /** The payload in one line of Chinese, cut at about 160 characters. */
  summary: string;
}

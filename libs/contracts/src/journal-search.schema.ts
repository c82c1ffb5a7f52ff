import { z } from 'zod';
import { CASE_EVENT_TYPES, EVENT_LABELS, type CaseEventType, type Label } from '@gongkai/domain';
import { localDate, pagingFields, text, uuidSchema } from './cases/common.schema';

/**
 * Journal rows that are not machine events (persistence's JournalNoteType): registration, deadlines
 * recomputed after a calendar change (Project rule 16), reassignment, attachments. A new note type
 * is added here too, so auditors can filter by it.
 */
export const JOURNAL_NOTE_TYPES = [
  'REGISTERED',
  'DEADLINES_RECOMPUTED',
  'ASSIGNEE_CHANGED',
  'ATTACHMENT_ADDED',
  'ATTACHMENT_WITHDRAWN',
] as const;
export type JournalNoteType = (typeof JOURNAL_NOTE_TYPES)[number];

export const JOURNAL_NOTE_LABELS: Readonly<Record<JournalNoteType, Label>> = {
  REGISTERED: { zh: '登记申请', en: 'Registered', basis: '第三十一条' },
  DEADLINES_RECOMPUTED: {
    zh: '节假日安排变更，重新计算期限',
    en: 'Deadlines recomputed after a calendar change',
  },
  ASSIGNEE_CHANGED: { zh: '改派经办人', en: 'Reassigned' },
  ATTACHMENT_ADDED: { zh: '上传附件', en: 'Attachment uploaded' },
  ATTACHMENT_WITHDRAWN: { zh: '撤回附件', en: 'Attachment withdrawn' },
};

/** Every type a journal row can have: the machine's events, then the notes. */
export const JOURNAL_ENTRY_TYPES: readonly string[] = [...CASE_EVENT_TYPES, ...JOURNAL_NOTE_TYPES];

/** The label of a journal row's type (the machine's event labels, then the notes'). */
export function journalTypeLabel(type: string): Label | undefined {
  return (
    (EVENT_LABELS as Record<string, Label | undefined>)[type as CaseEventType] ??
    (JOURNAL_NOTE_LABELS as Record<string, Label | undefined>)[type]
  );
}

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

import { EVENT_LABELS, type Label } from './case-labels';
import { CASE_EVENT_TYPES, type CaseEventType } from './case.types';

/**
 * Journal rows that are not machine events: registration (Art. 31), deadlines recomputed after a
 * calendar change (Project rule 16), reassignment, attachments. The journal of a case is its
 * history; these notes are part of it, so auditors can filter and read them like events.
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
    basis: '国务院办公厅关于部分节假日安排的通知',
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

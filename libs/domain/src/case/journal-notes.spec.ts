import { EVENT_LABELS } from './case-labels';
import { JOURNAL_ENTRY_TYPES, JOURNAL_NOTE_TYPES, journalTypeLabel } from './journal-notes';

describe('journal note types', () => {
  it('labels every journal row type in Chinese and English, events with the machine labels', () => {
    for (const type of JOURNAL_ENTRY_TYPES) {
      expect(journalTypeLabel(type)?.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(journalTypeLabel(type)?.en).toBeTruthy();
    }
    expect(journalTypeLabel('APPROVE_DECISION')).toBe(EVENT_LABELS.APPROVE_DECISION);
    expect(journalTypeLabel('ATTACHMENT_ADDED')?.zh).toBe('上传附件');
    expect(journalTypeLabel('NO_SUCH_TYPE')).toBeUndefined();
  });

  it('keeps note types apart from event types', () => {
    for (const note of JOURNAL_NOTE_TYPES) expect(note in EVENT_LABELS).toBe(false);
  });
});

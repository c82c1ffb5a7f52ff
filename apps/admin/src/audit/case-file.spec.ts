import { deadlineList } from '@gongkai/domain';
import { caseView } from '../testing/case-fixtures';
import { caseFileHtml } from './case-file';

const file = (c: ReturnType<typeof caseView>) => ({
  exportedAt: '2025-07-20T02:00:00Z',
  case: c,
  timeline: [],
  journal: { ok: true } as never,
});

/** The printed page's deadline headings: label, date and basis, as the reader sees them. */
function printedDeadlines(html: string): string[] {
  const page = new DOMParser().parseFromString(html, 'text/html');
  return [...page.querySelectorAll('h3')].map((h) => h.textContent ?? '');
}

describe('the printable case file', () => {
  it('prints 申请人补正期限, 缴费期限 and every deadline the case page shows, with derivations', () => {
    // 补正 notice served and answered, then a consultation and a fee notice: every kind of deadline.
    const c = caseView([
      { kind: 'start', on: '2025-06-03' },
      { kind: 'supplementNotice', on: '2025-06-05', dueOn: '2025-06-20' },
      { kind: 'supplementRestart', on: '2025-06-16' },
      { kind: 'consultationPause', on: '2025-06-18', party: 'third_party' },
      { kind: 'consultationResume', on: '2025-06-25', reason: 'replied' },
      { kind: 'feePause', on: '2025-07-01' },
    ]);
    const shown = deadlineList(c.deadlines);
    expect(shown.map((d) => d.kind)).toEqual([
      'supplementNotice',
      'supplement',
      'consultationReply',
      'feePayment',
      'answer',
    ]);
    const html = caseFileHtml(file(c));
    const printed = printedDeadlines(html);
    expect(printed).toEqual(shown.map((d) => `${d.label}：${d.dueOn ?? '暂停计算'}（${d.basis}）`));
    expect(printed.some((h) => h.startsWith('申请人补正期限：2025-06-20'))).toBe(true);
    expect(printed.some((h) => h.startsWith('缴费期限：'))).toBe(true);
    for (const line of shown.flatMap((d) => d.explanation)) expect(html).toContain(line);
  });

  it('prints only the deadlines a case without 补正 or fees has', () => {
    const printed = printedDeadlines(caseFileHtml(file(caseView())));
    expect(printed.map((h) => h.split('：')[0])).toEqual(['补正通知期限', '答复期限']);
  });
});

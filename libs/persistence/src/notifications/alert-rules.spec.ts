import { defaultWorkingDayCalendar } from '@gongkai/domain';
import { alertsFor, type AlertCaseFacts } from './alert-rules';

const calendar = defaultWorkingDayCalendar();

const open = (over: Partial<AlertCaseFacts> = {}): AlertCaseFacts => ({
  ref: '2025-0001',
  state: 'processing',
  closed: false,
  servedOn: null,
  answerDueOn: '2025-03-31',
  supplementNoticeDueOn: '2025-03-12',
  ...over,
});

describe('alert rules', () => {
  // Answer due Monday 2025-03-31.
  it.each([
    ['4 WD left', open(), '2025-03-25', []],
    ['3 WD left', open(), '2025-03-26', ['answer_due_soon:2025-03-31']],
    ['1 WD left over a weekend', open(), '2025-03-28', ['answer_due_soon:2025-03-31']],
    ['due today', open(), '2025-03-31', ['answer_due_soon:2025-03-31']],
    ['one day late', open(), '2025-04-01', ['answer_overdue:2025-03-31']],
    [
      'paused for a consultation',
      open({ state: 'consulting' }),
      '2025-03-27',
      ['answer_due_soon:2025-03-31'],
    ],
    [
      'clock stopped for 补正',
      open({ state: 'awaitingSupplement', answerDueOn: null }),
      '2025-04-30',
      [],
    ],
    [
      'decided, not yet served',
      open({ state: 'awaitingService', closed: true }),
      '2025-04-02',
      ['answer_overdue:2025-03-31'],
    ],
    [
      'decided and served',
      open({ state: 'served', closed: true, servedOn: '2025-03-28' }),
      '2025-04-02',
      [],
    ],
    ['withdrawn', open({ state: 'ended', closed: true }), '2025-04-02', []],
    // 国庆 2025: 10月1日–8日 off, so 2025-09-30 has one WD left before Thursday 10-09.
    [
      'over the National Day holiday',
      open({ answerDueOn: '2025-10-09' }),
      '2025-09-30',
      ['answer_due_soon:2025-10-09'],
    ],
    ['before the National Day holiday', open({ answerDueOn: '2025-10-09' }), '2025-09-25', []],
  ])('answer: %s', (_label, facts, today, expected) => {
    const got = alertsFor({ ...facts, supplementNoticeDueOn: null }, today, calendar);
    expect(got.map((a) => `${a.kind}:${a.dueOn}`)).toEqual(expected);
  });

  // Received Monday 2025-03-03: the 补正 notice is due by Wednesday 03-12 (Art. 30, 7 WD).
  it.each([
    ['day 5', 'intake', '2025-03-10', []],
    ['day 6, one WD left', 'intake', '2025-03-11', ['supplement_notice_due:2025-03-12']],
    ['day 7, the last day', 'intake', '2025-03-12', ['supplement_notice_due:2025-03-12']],
    ['after the 7 WD', 'intake', '2025-03-13', []],
    ['already accepted', 'processing', '2025-03-11', []],
    ['notice already served', 'awaitingSupplement', '2025-03-11', []],
  ])('补正 notice: %s', (_label, state, today, expected) => {
    const got = alertsFor(open({ state, answerDueOn: null }), today, calendar);
    expect(got.map((a) => `${a.kind}:${a.dueOn}`)).toEqual(expected);
  });

  it('counts the Spring Festival make-up Saturday as a working day (regulation.md §6 example)', () => {
    // Received 2025-01-24: notice due 2025-02-10; Saturday 02-08 is a working day.
    const facts = open({ state: 'intake', answerDueOn: null, supplementNoticeDueOn: '2025-02-10' });
    expect(alertsFor(facts, '2025-02-07', calendar)).toEqual([]);
    expect(alertsFor(facts, '2025-02-08', calendar).map((a) => a.kind)).toEqual([
      'supplement_notice_due',
    ]);
  });

  it('words the alert for a clerk, with the article', () => {
    const [alert] = alertsFor(open(), '2025-03-26', calendar);
    expect(alert.title).toBe('答复期限将至：2025-0001');
    expect(alert.body).toContain('还剩 3 个工作日');
    expect(alert.body).toContain('第三十三条');
  });
});

import fc from 'fast-check';
import { addDays, type LocalDate } from '../dates';
import { defaultWorkingDayCalendar } from '../calendar';
import { type ClockEntry } from './clock-ledger';
import {
  ClockLedgerError,
  computeDeadlines,
  deadlineList,
  deadlineSummary,
  explainDeadline,
  type Deadline,
} from './deadlines';

const calendar = defaultWorkingDayCalendar();
const start = (on: LocalDate): ClockEntry => ({ kind: 'start', on });
const due = (ledger: ClockEntry[]) => deadlineSummary(computeDeadlines(ledger, calendar));

describe('computeDeadlines: worked examples of regulation.md §6', () => {
  it('received 2025-01-24: 补正 notice by 2025-02-10, answer by 2025-02-27', () => {
    const d = computeDeadlines([start('2025-01-24')], calendar);
    expect(d.supplementNotice.dueOn).toBe('2025-02-10');
    expect(d.answer.dueOn).toBe('2025-02-27');
    expect(d.complete).toBe(true);
    expect(d.answer.derivation.dayOne).toBe('2025-01-26');
    expect(d.answer.derivation.makeupWorkdays).toEqual(['2025-01-26', '2025-02-08']);
    expect(d.answer.explanation.join('\n')).toContain('法定节假日（春节）');
    expect(d.answer.explanation.join('\n')).toContain(
      '计入调休上班日：2025年1月26日、2025年2月8日',
    );
  });

  it('received 2025-09-26: answer by 2025-10-30, or 2025-11-27 with the full extension', () => {
    expect(due([start('2025-09-26')]).answerDueOn).toBe('2025-10-30');
    const extended = computeDeadlines(
      [start('2025-09-26'), { kind: 'extension', on: '2025-10-20', workingDays: 20 }],
      calendar,
    );
    expect(extended.answer.dueOn).toBe('2025-11-27');
    expect(extended.answer.derivation.extensionWorkingDays).toBe(20);
  });

  it.each([
    // 2024 春节 (2月10日–17日 off; 2月4日, 2月18日 worked) and 国庆 (9月29日, 10月12日 worked)
    ['2024-02-02', '2024-02-18', '2024-03-06'],
    ['2024-09-27', '2024-10-12', '2024-10-30'],
    // 2026 春节 (2月15日–23日 off; 2月14日, 2月28日 worked), 中秋/国庆 (9月20日, 10月10日 worked)
    ['2026-02-13', '2026-03-02', '2026-03-19'],
    ['2026-09-18', '2026-09-29', '2026-10-22'],
  ])('received %s: notice by %s, answer by %s', (received, notice, answer) => {
    const d = due([start(received)]);
    expect(d.supplementNoticeDueOn).toBe(notice);
    expect(d.answerDueOn).toBe(answer);
    expect(d.complete).toBe(true);
  });
});

describe('computeDeadlines: clock rules', () => {
  it('a rest-day receipt keeps its date; the next working day is day 1 (Project rule 13)', () => {
    const sat = computeDeadlines([start('2025-03-01')], calendar);
    expect(sat.answer.derivation.trigger).toBe('2025-03-01');
    expect(sat.answer.derivation.dayOne).toBe('2025-03-03');
    expect(sat.answer.dueOn).toBe('2025-03-28');
  });

  it('stops the answer clock during 补正 and restarts it from the supplement (Art. 30, rule 18)', () => {
    const notice: ClockEntry = { kind: 'supplementNotice', on: '2025-03-05', dueOn: '2025-03-20' };
    const pending = computeDeadlines([start('2025-03-03'), notice], calendar);
    expect(pending.answer.dueOn).toBeNull();
    expect(pending.supplement?.dueOn).toBe('2025-03-20');
    expect(pending.supplement?.derivation.source).toBe('set_by_clerk');
    const restarted = due([
      start('2025-03-03'),
      notice,
      { kind: 'supplementRestart', on: '2025-03-18' },
    ]);
    // 20 WD after 3月18日, 清明 4月4日 skipped
    expect(restarted.answerDueOn).toBe('2025-04-16');
    expect(restarted.supplementNoticeDueOn).toBe('2025-03-12');
  });

  it('discards pauses and an extension from before the restart (Project rule 18)', () => {
    const d = computeDeadlines(
      [
        start('2025-03-03'),
        { kind: 'consultationPause', on: '2025-03-04', party: 'third_party' },
        { kind: 'consultationResume', on: '2025-03-10', reason: 'replied' },
        { kind: 'extension', on: '2025-03-10', workingDays: 10 },
        { kind: 'supplementNotice', on: '2025-03-11', dueOn: '2025-03-17' },
        { kind: 'supplementRestart', on: '2025-03-18' },
      ],
      calendar,
    );
    expect(d.answer.dueOn).toBe('2025-04-16');
    expect(d.answer.derivation.discarded).toHaveLength(2);
    expect(d.answer.derivation.extensionWorkingDays).toBe(0);
  });

  it('pauses from the day after service up to and including the reply (Project rule 17)', () => {
    expect(due([start('2025-03-03')]).answerDueOn).toBe('2025-03-31');
    const d = computeDeadlines(
      [
        start('2025-03-03'),
        { kind: 'consultationPause', on: '2025-03-05', party: 'third_party' },
        { kind: 'consultationResume', on: '2025-03-07', reason: 'replied' },
      ],
      calendar,
    );
    expect(d.answer.derivation.pausedWorkingDays).toBe(2);
    expect(d.answer.dueOn).toBe('2025-04-02');
    expect(d.consultationReply?.dueOn).toBe('2025-03-26');
    expect(d.answer.provisional).toBe(false);
  });

  it('ends an unanswered consultation with its 15th WD, whenever the expiry is recorded', () => {
    const ledger: ClockEntry[] = [
      start('2025-03-03'),
      { kind: 'consultationPause', on: '2025-03-05', party: 'other_agency' },
    ];
    const open = computeDeadlines(ledger, calendar);
    expect(open.answer.provisional).toBe(true);
    expect(open.answer.dueOn).toBe('2025-04-22');
    const expired = computeDeadlines(
      [...ledger, { kind: 'consultationResume', on: '2025-04-10', reason: 'expired' }],
      calendar,
    );
    expect(expired.answer.derivation.pausedWorkingDays).toBe(15);
    expect(expired.answer.dueOn).toBe('2025-04-22');
    expect(expired.answer.provisional).toBe(false);
  });

  it('gives 20 WD from the day after a fee notice and pauses the answer until payment', () => {
    const ledger: ClockEntry[] = [start('2025-03-03'), { kind: 'feePause', on: '2025-03-05' }];
    expect(due(ledger).feePaymentDueOn).toBe('2025-04-02');
    expect(due(ledger).answerDueProvisional).toBe(true);
    const paid = due([...ledger, { kind: 'feePayment', on: '2025-03-10' }]);
    expect(paid.answerDueOn).toBe('2025-04-03');
    expect(paid.answerDueProvisional).toBe(false);
  });

  it('uses the Art. 35 delayed date', () => {
    const d = computeDeadlines(
      [
        start('2025-03-03'),
        { kind: 'art35Delay', on: '2025-03-10', delayedAnswerOn: '2025-06-30' },
      ],
      calendar,
    );
    expect(d.answer.dueOn).toBe('2025-06-30');
    expect(d.answer.derivation.source).toBe('art35');
    expect(d.answer.explanation.join('')).toContain('第三十五条');
  });

  it('flags a deadline reaching into a year without arrangement', () => {
    const d = due([start('2026-12-20')]);
    expect(d.complete).toBe(false);
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toContain('2027年');
    expect(d.answerDueOn).not.toBeNull();
  });

  it('refuses a ledger without receipt or with a date before receipt', () => {
    expect(() => computeDeadlines([], calendar)).toThrow(ClockLedgerError);
    expect(() =>
      computeDeadlines([start('2025-03-03'), { kind: 'feePause', on: '2025-03-01' }], calendar),
    ).toThrow('早于收到申请之日');
  });
});

describe('computeDeadlines: properties', () => {
  const receivedArb = fc.integer({ min: 0, max: 6 * 365 }).map((o) => addDays('2020-01-01', o));

  it('the answer is never earlier than receipt + 20 WD, and a pause never shortens it', () => {
    fc.assert(
      fc.property(
        receivedArb,
        fc.array(
          fc.record({
            kind: fc.constantFrom('consultation' as const, 'fee' as const),
            after: fc.integer({ min: 0, max: 40 }),
            length: fc.integer({ min: 0, max: 30 }),
            closed: fc.boolean(),
          }),
          { maxLength: 3 },
        ),
        fc.integer({ min: 0, max: 20 }),
        (received, pauses, extension) => {
          const base = calendar.addWorkingDays(received, 20).dueOn;
          const ledger: ClockEntry[] = [start(received)];
          let previous = due(ledger).answerDueOn as string;
          expect(previous).toBe(base);
          let cursor = received;
          for (const p of pauses) {
            const servedOn = addDays(cursor, p.after);
            const until = addDays(servedOn, p.length);
            cursor = until;
            if (p.kind === 'fee') {
              ledger.push({ kind: 'feePause', on: servedOn });
              if (p.closed) ledger.push({ kind: 'feePayment', on: until });
            } else {
              ledger.push({ kind: 'consultationPause', on: servedOn, party: 'third_party' });
              if (p.closed)
                ledger.push({ kind: 'consultationResume', on: until, reason: 'replied' });
            }
            const next = due(ledger).answerDueOn as string;
            expect(next >= previous).toBe(true);
            previous = next;
            if (!p.closed) break;
          }
          if (extension > 0) ledger.push({ kind: 'extension', on: cursor, workingDays: extension });
          expect((due(ledger).answerDueOn as string) >= base).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('explainDeadline: the derivation for the English desk', () => {
  // Received before 春节, a consultation of another agency, then a 10-day extension.
  const SPRING_FESTIVAL_CONSULTED: ClockEntry[] = [
    start('2025-01-24'),
    { kind: 'consultationPause', on: '2025-02-05', party: 'other_agency' },
    { kind: 'consultationResume', on: '2025-02-12', reason: 'replied' },
    { kind: 'extension', on: '2025-02-20', workingDays: 10 },
  ];

  it('says in Chinese exactly what the deadline’s explanation says', () => {
    const d = computeDeadlines(SPRING_FESTIVAL_CONSULTED, calendar);
    for (const deadline of deadlineList(d)) {
      expect(explainDeadline(deadline, 'zh')).toEqual(deadline.explanation);
    }
  });

  it('tells the same derivation in English: trigger, day 1, holidays, make-up days, pauses', () => {
    const d = computeDeadlines(SPRING_FESTIVAL_CONSULTED, calendar);
    const en = explainDeadline(d.answer, 'en');
    expect(en[0]).toBe(
      `Answer due (Art. 33): counted from the day after 2025-01-24 (application received); day 1 is 2025-01-26; 30 working days (20 working days plus an extension of 10), ending ${d.answer.dueOn}.`,
    );
    const text = en.join('\n');
    expect(text).toContain('public holiday (春节)');
    expect(text).toContain('Make-up working days counted: 2025-01-26.');
    expect(text).toContain(
      'Paused: consultation of another agency served on 2025-02-05, from the next day to 2025-02-12: 6 working days not counted in the answer period.',
    );
    expect(text).toContain('paused (consultation)');
    expect(text).toContain('The answer deadline moves 6 working days later for the pauses.');
    // Nothing Chinese is left but the holiday's own name.
    expect(text.replace(/春节/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('explains a clerk-set 补正 deadline and one that does not run', () => {
    const d = computeDeadlines(
      [start('2025-06-03'), { kind: 'supplementNotice', on: '2025-06-05', dueOn: '2025-06-20' }],
      calendar,
    );
    expect(explainDeadline(d.supplement as Deadline, 'en')).toEqual([
      'Supplement due (Art. 30): set by the clerk in the supplement notice served on 2025-06-05: 2025-06-20.',
    ]);
    expect(explainDeadline(d.answer, 'en')).toEqual([
      'Answer due (Art. 33): not counted while the supplement is awaited; 20 working days count afresh from receipt of the supplement.',
    ]);
  });
});

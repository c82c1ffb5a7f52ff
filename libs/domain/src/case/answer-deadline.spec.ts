import fc from 'fast-check';
import { defaultWorkingDayCalendar } from '../calendar';
import { addDays } from '../dates';
import {
  answerOwed,
  DUE_SOON_WORKING_DAYS,
  dueSoonWindow,
  isDueSoon,
  isOverdue,
  onTimeRate,
  type AnswerFacts,
} from './answer-deadline';
import { CLOSED_STATES, OPEN_STATES } from './case.types';

const calendar = defaultWorkingDayCalendar();

const facts = (over: Partial<AnswerFacts> = {}): AnswerFacts => ({
  closed: false,
  state: 'processing',
  servedOn: null,
  answerDueOn: '2025-03-31',
  ...over,
});

describe('answer owed', () => {
  it.each([
    ['open, processing', facts(), true],
    ['open, consulting', facts({ state: 'consulting' }), true],
    ['decided, not served', facts({ closed: true, state: 'awaitingService' }), true],
    ['served', facts({ closed: true, state: 'served', servedOn: '2025-03-28' }), false],
    ['withdrawn or ended automatically', facts({ closed: true, state: 'ended' }), false],
  ])('%s', (_label, c, expected) => {
    expect(answerOwed(c)).toBe(expected);
  });
});

describe('overdue and due soon (answer due Monday 2025-03-31)', () => {
  it.each([
    ['4 WD left', facts(), '2025-03-25', false, false],
    ['3 WD left', facts(), '2025-03-26', false, true],
    ['1 WD left over a weekend', facts(), '2025-03-28', false, true],
    ['due today', facts(), '2025-03-31', false, true],
    ['one day late', facts(), '2025-04-01', true, false],
    [
      'decided, not served, late',
      facts({ closed: true, state: 'awaitingService' }),
      '2025-04-02',
      true,
      false,
    ],
    [
      'served, past the date',
      facts({ closed: true, state: 'served', servedOn: '2025-03-28' }),
      '2025-04-02',
      false,
      false,
    ],
    [
      'withdrawn, past the date',
      facts({ closed: true, state: 'ended' }),
      '2025-04-02',
      false,
      false,
    ],
    [
      'clock stopped for 补正',
      facts({ state: 'awaitingSupplement', answerDueOn: null }),
      '2025-04-30',
      false,
      false,
    ],
    // 国庆 2025: 10月1日–8日 off, so 2025-09-30 has one WD left before Thursday 10-09.
    [
      'over the National Day holiday',
      facts({ answerDueOn: '2025-10-09' }),
      '2025-09-30',
      false,
      true,
    ],
    [
      'before the National Day holiday',
      facts({ answerDueOn: '2025-10-09' }),
      '2025-09-25',
      false,
      false,
    ],
  ])('%s', (_label, c, today, overdue, dueSoon) => {
    expect(isOverdue(c, today)).toBe(overdue);
    expect(isDueSoon(c, today, calendar)).toBe(dueSoon);
  });

  it('the window of a Wednesday reaches the Monday after (3 WD: Thu, Fri, Mon)', () => {
    expect(dueSoonWindow('2025-03-26', calendar)).toEqual({
      from: '2025-03-26',
      until: '2025-03-31',
    });
    // The next working day (Tue 04-01) is the fourth: the window ends the day before it.
    expect(DUE_SOON_WORKING_DAYS).toBe(3);
  });
});

const dayArb = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2024-01-01', n));
const stateArb = fc.constantFrom<string>(...OPEN_STATES, ...CLOSED_STATES);
const factsArb = fc.record({
  state: stateArb,
  due: fc.option(dayArb, { nil: null }),
  served: fc.option(dayArb, { nil: null }),
});
const toFacts = (f: { state: string; due: string | null; served: string | null }): AnswerFacts => {
  const closed = (CLOSED_STATES as readonly string[]).includes(f.state);
  return {
    closed,
    state: f.state,
    servedOn: f.state === 'served' ? (f.served ?? f.due) : null,
    answerDueOn: f.due,
  };
};

describe('answer rules: properties', () => {
  it('overdue and due soon never hold together, and both need an answer owed', () => {
    fc.assert(
      fc.property(factsArb, dayArb, (f, today) => {
        const c = toFacts(f);
        const overdue = isOverdue(c, today);
        const soon = isDueSoon(c, today, calendar);
        expect(overdue && soon).toBe(false);
        if (overdue || soon) expect(answerOwed(c)).toBe(true);
      }),
    );
  });

  it('isDueSoon is exactly the window: a due date in [from, until]', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 20 }), (today, ahead) => {
        const due = addDays(today, ahead);
        const { from, until } = dueSoonWindow(today, calendar);
        expect(isDueSoon(facts({ answerDueOn: due }), today, calendar)).toBe(
          due >= from && due <= until,
        );
      }),
    );
  });

  it('once overdue, a case stays overdue on every later day until it is served', () => {
    fc.assert(
      fc.property(factsArb, dayArb, fc.integer({ min: 0, max: 400 }), (f, today, later) => {
        const c = toFacts(f);
        if (isOverdue(c, today)) expect(isOverdue(c, addDays(today, later))).toBe(true);
      }),
    );
  });
});

describe('on-time rate (按时答复率)', () => {
  it.each([
    ['nothing fell due', { served: 0, late: 0, overdue: 0 }, null],
    ['all served on time', { served: 8, late: 0, overdue: 0 }, 100],
    ['ten overdue beside eight on time', { served: 8, late: 0, overdue: 10 }, 44.4],
    ['only overdue', { served: 0, late: 0, overdue: 10 }, 0],
    ['one of four served late', { served: 4, late: 1, overdue: 0 }, 75],
  ])('%s', (_label, counts, expected) => {
    expect(onTimeRate(counts)).toBe(expected);
  });

  it('is 100 only when nothing is late or overdue, and stays within 0–100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        (onTime, late, overdue) => {
          const rate = onTimeRate({ served: onTime + late, late, overdue });
          if (onTime + late + overdue === 0) return expect(rate).toBeNull();
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(100);
          if (late === 0 && overdue === 0) expect(rate).toBe(100);
          else expect(rate).toBeLessThan(100);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { addDays } from '../dates';
import { FACT_DATES, futureDateRefusal, futureReceiptRefusal } from './fact-dates';
import { CASE_EVENT_TYPES } from './case.types';

const TODAY = '2025-03-10';

describe('future dates', () => {
  it.each([
    ['an event today', { type: 'ACCEPT', on: TODAY }, null],
    ['an event tomorrow', { type: 'ACCEPT', on: '2025-03-11' }, 'on'],
    [
      'a 补正 period in the future (a deadline)',
      { type: 'REQUEST_SUPPLEMENT', on: TODAY, dueOn: '2025-03-31', items: ['x'] },
      null,
    ],
    [
      'an Art. 35 delayed answer date (a deadline)',
      { type: 'REASONS_JUDGED', on: TODAY, reasonable: true, delayedAnswerOn: '2025-06-30' },
      null,
    ],
    [
      'a 送达 tomorrow',
      { type: 'RECORD_SERVICE', on: TODAY, method: 'post', servedOn: '2025-03-11' },
      'servedOn',
    ],
    [
      'a 送达 yesterday',
      { type: 'RECORD_SERVICE', on: TODAY, method: 'post', servedOn: '2025-03-09' },
      null,
    ],
  ] as const)('%s', (_label, event, field) => {
    const refusal = futureDateRefusal(event, TODAY);
    expect(refusal?.field ?? null).toBe(field);
    if (refusal) expect(refusal.code).toBe('future_date');
  });

  it('names the date in Chinese', () => {
    expect(futureReceiptRefusal('2025-03-11', TODAY)?.message).toBe(
      '收到申请日期不能晚于今天（2025年3月10日）：2025年3月11日',
    );
  });

  it('every event has its legal date among its facts', () => {
    for (const type of CASE_EVENT_TYPES) expect(FACT_DATES[type]).toContain('on');
  });

  it('property: refused exactly when a fact date lies after today', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_EVENT_TYPES),
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: -30, max: 30 }),
        (type, onShift, otherShift) => {
          const other = addDays(TODAY, otherShift);
          const event = {
            type,
            on: addDays(TODAY, onShift),
            servedOn: other,
            dueOn: other,
            delayedAnswerOn: other,
          };
          const facts = (FACT_DATES[type] as readonly string[]).map((f) =>
            f === 'on' ? event.on : other,
          );
          expect(futureDateRefusal(event, TODAY) !== null).toBe(facts.some((d) => d > TODAY));
        },
      ),
    );
  });
});

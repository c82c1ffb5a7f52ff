import fc from 'fast-check';
import { addDays } from '../dates';
import {
  allowedEvents,
  applyCaseEvent,
  caseStatus,
  createCase,
  persistSnapshot,
  restoreSnapshot,
  type CaseSnapshot,
} from './case-engine';
import { EVENT_LABELS } from './case-labels';
import { caseIn, clerk, ev, leader, run, RECEIVED, system } from './case-test-helpers';
import { type Actor, type CaseEvent } from './case.types';

// The 不再处理告知书 of a case closed without a decision (ledger-format.md `service`).
const SUPPLEMENT_DUE = '2025-03-20';
const closedCases: Record<string, () => CaseSnapshot> = {
  'awaitingService (decided)': () => caseIn('awaitingService'),
  'served (decided, answer served)': () => caseIn('served'),
  'ended: withdrawn': () => caseIn('ended'),
  'ended: supplement overdue': () =>
    run(caseIn('awaitingSupplement'), [ev('SUPPLEMENT_OVERDUE', '2025-03-21', system)]),
  'ended: fee unpaid': () => run(caseIn('awaitingFee'), [ev('FEE_OVERDUE', '2025-04-10', system)]),
  'ended: notice already served': () => run(caseIn('ended'), [notice('2025-03-05', '2025-03-05')]),
};

function notice(on: string, servedOn: string, actor: Actor = clerk): CaseEvent {
  return ev('RECORD_NOTICE_SERVICE', on, actor, { method: 'post', servedOn });
}

const ON = '2025-04-20';

// Every closed state × the notice step: accepted (the state after) or refused (the code).
const TABLE: [string, string][] = [
  ['awaitingService (decided)', 'case_closed'],
  ['served (decided, answer served)', 'case_closed'],
  ['ended: withdrawn', 'ended'],
  ['ended: supplement overdue', 'ended'],
  ['ended: fee unpaid', 'ended'],
  ['ended: notice already served', 'already_done'],
];

describe('notice service (不再处理告知书) on closed cases', () => {
  it('the table covers every closed case', () => {
    expect(TABLE.map(([name]) => name).sort()).toEqual(Object.keys(closedCases).sort());
  });

  it.each(TABLE)('%s + RECORD_NOTICE_SERVICE → %s', (name, expected) => {
    const before = closedCases[name]();
    const result = applyCaseEvent(before, notice(ON, ON));
    if (expected === 'ended') {
      expect(result.ok ? null : result.message).toBeNull();
      if (!result.ok) return;
      const after = caseStatus(result.snapshot);
      expect(after.state).toBe('ended');
      // No statistic moves: same outcome, decision date and flags; no answer service.
      const was = caseStatus(before);
      expect([after.outcome, after.decidedOn, after.flags]).toEqual([
        was.outcome,
        was.decidedOn,
        was.flags,
      ]);
      expect(result.snapshot.context.service).toBeNull();
      expect(result.snapshot.context.noticeService).toEqual({ method: 'post', servedOn: ON });
      expect(result.effects).toEqual([]);
    } else {
      expect(result).toMatchObject({ ok: false, code: expected });
      if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it.each(TABLE)('%s: offered to a clerk only where it is allowed', (name, expected) => {
    const offered = allowedEvents(closedCases[name](), 'clerk', undefined, ON).map((e) => e.type);
    expect(offered.includes('RECORD_NOTICE_SERVICE')).toBe(expected === 'ended');
    expect(allowedEvents(closedCases[name](), 'leader', undefined, ON)).toEqual([]);
  });

  it('is refused on every open case', () => {
    for (const state of ['intake', 'processing', 'awaitingSupplement', 'awaitingFee'] as const) {
      expect(applyCaseEvent(caseIn(state), notice(ON, ON)).ok).toBe(false);
    }
  });

  it('checks who, the method and the dates', () => {
    const ended = closedCases['ended: supplement overdue']();
    expect(applyCaseEvent(ended, notice(ON, ON, leader))).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
    expect(
      applyCaseEvent(
        ended,
        ev('RECORD_NOTICE_SERVICE', ON, clerk, {
          method: 'pigeon' as 'post',
          servedOn: ON,
        }),
      ),
    ).toMatchObject({ ok: false, code: 'invalid_payload', message: '请选择送达方式' });
    // Served before the case ended (the day after the 补正 deadline), or after it was recorded.
    expect(applyCaseEvent(ended, notice(ON, SUPPLEMENT_DUE))).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    expect(applyCaseEvent(ended, notice(ON, addDays(ON, 1)))).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    expect(applyCaseEvent(ended, notice('2025-03-19', '2025-03-19'))).toMatchObject({
      ok: false,
      code: 'before_previous_event',
    });
  });

  it('has a Chinese label for the timeline', () => {
    expect(EVENT_LABELS.RECORD_NOTICE_SERVICE.zh).toBe('登记不再处理告知书送达');
  });

  it('survives persistence, and a snapshot stored before the step existed still takes it', () => {
    const served = run(closedCases['ended: fee unpaid'](), [notice(ON, ON)]);
    const restored = restoreSnapshot(JSON.parse(JSON.stringify(persistSnapshot(served))));
    expect(restored.context.noticeService).toEqual({ method: 'post', servedOn: ON });
    expect(applyCaseEvent(restored, notice(ON, ON))).toMatchObject({ code: 'already_done' });

    const stored = persistSnapshot(closedCases['ended: withdrawn']());
    expect('noticeService' in stored.context).toBe(false);
    expect(applyCaseEvent(restoreSnapshot(stored), notice(ON, ON)).ok).toBe(true);
  });

  it('never changes the outcome, its date or the answer service, whatever the ended case', () => {
    const endings: [string, () => CaseSnapshot][] = Object.entries(closedCases).filter(([n]) =>
      n.startsWith('ended:'),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...endings),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom('in_person', 'post', 'electronic', 'entrusted' as const),
        ([, make], servedAfter, recordedAfter, method) => {
          const before = make();
          const closedOn = before.context.lastEventOn;
          const servedOn = addDays(closedOn, servedAfter);
          const result = applyCaseEvent(
            before,
            ev('RECORD_NOTICE_SERVICE', addDays(servedOn, recordedAfter), clerk, {
              method,
              servedOn,
            }),
          );
          if (!result.ok) {
            expect(result.code).toBe('already_done');
            return;
          }
          const { noticeService, lastEventOn, ...after } = result.snapshot.context;
          const { noticeService: was, lastEventOn: wasLast, ...original } = before.context;
          expect(after).toEqual(original);
          expect(was ?? null).toBeNull();
          expect(lastEventOn >= wasLast).toBe(true);
          expect(noticeService).toEqual({ method, servedOn });
          expect(result.snapshot.value).toEqual(before.value);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a case created today has no notice service yet', () => {
    expect(createCase({ receivedOn: RECEIVED }).context.noticeService).toBeUndefined();
  });
});

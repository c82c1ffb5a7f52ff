import fc from 'fast-check';
import { initialTransition, transition } from 'xstate';
import { isOutcome } from '../catalogues';
import { defaultWorkingDayCalendar, WorkingDayCalendar } from '../calendar';
import { addDays } from '../dates';
import {
  applyCaseEvent,
  CaseRunner,
  caseStatus,
  createCase,
  deriveDeadlines,
  frozenSnapshot,
  persistSnapshot,
  restoreSnapshot,
} from './case-engine';
import { EVENT_RULES } from './case-rules';
import { caseMachineFor } from './case.machine';
import { ACTOR_ROLES, CASE_EVENT_TYPES, type CaseEvent, type CaseEventType } from './case.types';

const calendar = defaultWorkingDayCalendar();
const RECEIVED = '2025-03-03';
const MIN_ANSWER = calendar.addWorkingDays(RECEIVED, 20).dueOn;

const stepArb = fc.record({
  type: fc.constantFrom(...CASE_EVENT_TYPES),
  rightRole: fc.boolean(),
  otherRole: fc.constantFrom(...ACTOR_ROLES),
  leaderId: fc.constantFrom('leader-1', 'leader-2', 'leader-3'),
  days: fc.integer({ min: 0, max: 12 }),
  flag: fc.boolean(),
  n: fc.integer({ min: 0, max: 25 }),
});

type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

function build(step: Step, on: string): CaseEvent {
  const type: CaseEventType = step.type;
  const role = step.rightRole ? EVENT_RULES[type].roles[0] : step.otherRole;
  const actor = { id: role === 'leader' ? step.leaderId : `${role}-1`, role };
  const base = { type, on, actor };
  switch (type) {
    case 'REQUEST_SUPPLEMENT':
      return {
        ...base,
        type,
        dueOn: addDays(on, 1 + step.n),
        items: step.flag ? ['信息名称'] : [],
      };
    case 'START_CONSULTATION':
      return { ...base, type, party: step.flag ? 'third_party' : 'other_agency' };
    case 'SERVE_FEE_NOTICE':
      return step.flag
        ? { ...base, type, standard: 'per_page', amountYuan: step.n * 10 }
        : { ...base, type, standard: 'per_application', amountYuan: 100, ordinalInMonth: step.n };
    case 'REASONS_JUDGED':
      return {
        ...base,
        type,
        reasonable: step.flag,
        delayedAnswerOn: addDays(on, 20 + step.n * 3),
      };
    case 'DRAFT_DECISION':
      return step.flag
        ? { ...base, type, outcome: 'disclosed' }
        : {
            ...base,
            type,
            outcome: 'unavailable.not_held',
            reasons: '经检索未找到',
            basis: '第三十六条',
          };
    case 'RETURN_DECISION':
      return { ...base, type, comment: step.flag ? '请修改' : '' };
    case 'REQUEST_EXTENSION':
      return { ...base, type, workingDays: step.n, reason: '检索' };
    case 'RECORD_SERVICE':
    case 'RECORD_NOTICE_SERVICE':
      return { ...base, type, method: 'post', servedOn: on };
    case 'YEAR_CLOSED':
      return { ...base, type, year: 2025 };
    default:
      return { ...base, type } as CaseEvent;
  }
}

describe('case machine properties', () => {
  it('random event sequences keep the case in a known state with consistent outcome and deadlines', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 3 }),
        (steps, approvalSteps) => {
          let snapshot = createCase({ receivedOn: RECEIVED, approvalSteps });
          let on = RECEIVED;
          for (const step of steps) {
            on = addDays(on, step.days);
            const result = applyCaseEvent(snapshot, build(step, on), calendar);
            if (!result.ok) {
              expect(result.message.length).toBeGreaterThan(0);
              continue;
            }
            snapshot = result.snapshot;
            // Never an undefined state: it survives persistence and restore.
            const restored = restoreSnapshot(JSON.parse(JSON.stringify(persistSnapshot(snapshot))));
            const status = caseStatus(restored);
            if (status.closed) {
              // A closed case has exactly one outcome from the catalogue, and its date.
              expect(isOutcome(status.outcome)).toBe(true);
              expect(status.decidedOn).not.toBeNull();
            } else {
              expect(status.outcome).toBeNull();
              expect(snapshot.context.outcome).toBeNull();
            }
            const answer = deriveDeadlines(snapshot.context, calendar).answer.dueOn;
            if (answer !== null) expect(answer >= MIN_ANSWER).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("registers and applies events as XState's own initialTransition() and transition() do, with the new context's deadlines", () => {
    // The engine steps the machine through one shared actor scope (machine-scope.ts); XState's
    // pure functions, which build a throwaway actor per call, are the reference.
    const machine = caseMachineFor(calendar);
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 3 }),
        (steps, approvalSteps) => {
          let snapshot = createCase({ receivedOn: RECEIVED, approvalSteps }, calendar);
          const [initial] = initialTransition(machine, { receivedOn: RECEIVED, approvalSteps });
          expect(snapshot.value).toEqual(initial.value);
          expect(snapshot.context).toEqual(initial.context);
          let on = RECEIVED;
          for (const step of steps) {
            on = addDays(on, step.days);
            const event = build(step, on);
            const [reference] = transition(machine, snapshot, event);
            const result = applyCaseEvent(snapshot, event, calendar);
            if (!result.ok) {
              expect(reference).toBe(snapshot);
              continue;
            }
            expect(result.snapshot.value).toEqual(reference.value);
            expect(result.snapshot.context).toEqual(reference.context);
            expect(result.deadlines).toEqual(deriveDeadlines(result.snapshot.context, calendar));
            snapshot = result.snapshot;
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a CaseRunner takes and refuses each event exactly as applyCaseEvent (effects and basis too), also when the calendar changes', () => {
    // A later calendar (a year's arrangement loaded mid-case) gives another machine instance.
    const later = WorkingDayCalendar.withDefaults([]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(stepArb, fc.boolean()), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (steps, approvalSteps, fromSnapshot) => {
          let snapshot = createCase({ receivedOn: RECEIVED, approvalSteps }, calendar);
          const runner = fromSnapshot
            ? CaseRunner.from(frozenSnapshot(snapshot), calendar)
            : CaseRunner.register({ receivedOn: RECEIVED, approvalSteps }, calendar);
          expect(runner.snapshot.value).toEqual(snapshot.value);
          expect(runner.snapshot.context).toEqual(snapshot.context);
          let on = RECEIVED;
          for (const [step, onLater] of steps) {
            on = addDays(on, step.days);
            const event = build(step, on);
            const cal = onLater ? later : calendar;
            const expected = applyCaseEvent(snapshot, event, cal);
            const got = runner.apply(event, cal);
            if (!expected.ok) {
              expect(got).toEqual({ ok: false, code: expected.code, message: expected.message });
              expect(runner.snapshot.context).toEqual(snapshot.context);
              continue;
            }
            expect(got).toMatchObject({
              ok: true,
              effects: expected.effects,
              basis: expected.basis,
            });
            expect(runner.snapshot.value).toEqual(expected.snapshot.value);
            expect(runner.snapshot.context).toEqual(expected.snapshot.context);
            snapshot = expected.snapshot;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

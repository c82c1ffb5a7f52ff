import { and, assign, or, setup, stateIn } from 'xstate';
import { defaultWorkingDayCalendar, type WorkingDayCalendar } from '../calendar';
import { nextApprovalStep } from './approval-rules';
import { initialCaseContext, recordEvent } from './case-context';
import { validateEvent } from './case-rules';
import {
  type CaseContext,
  type CaseEvent,
  type CreateCaseInput,
  type ProcedureState,
} from './case.types';

export const CASE_MACHINE_ID = 'case';
/** Stored with every case; a change that alters persisted snapshots needs a new version. */
export const CASE_MACHINE_VERSION = 2;

/*
 * A case starts from its registration facts; without them there is no case. The one actor the
 * engine builds per machine for its scope (machine-scope.ts) is created without input and
 * computes an initial snapshot nobody reads: it fails with this one prebuilt error (thrown
 * values capture no stack trace).
 */
const MISSING_INPUT = new TypeError('创建案件需要登记信息（收到申请日期）');

/**
 * The procedure steps during which a fee notice may be served (Art. 42): once the request is
 * being worked, including while a third party or another agency is consulted — not before
 * acceptance, during 补正 or Art. 35, or once a decision is drafted.
 */
export const FEE_NOTICE_STEPS: readonly ProcedureState[] = ['processing', 'consulting'];

/**
 * The statutory procedure (DESIGN.md "The case"). Used only as a pure step (machine-scope.ts):
 * no `after` timers and no invoked actors, so a restart never loses a deadline — expiries arrive
 * as events from the system actor. The calendar is bound into the guards because some of them
 * (expiry events) depend on working days.
 */
export function createCaseMachine(calendar: WorkingDayCalendar) {
  return setup({
    types: {
      context: {} as CaseContext,
      events: {} as CaseEvent,
      input: {} as CreateCaseInput,
    },
    // Each accepted event is validated once, by the guard of the transition that takes it: a
    // branch's own condition comes first in `and`, which stops at the first false guard, so the
    // branch not taken never asks the rules. (SUPPLEMENT_RECEIVED after an extension is the one
    // event two regions take at once; each region's guard asks — rare, and both must agree.)
    guards: {
      valid: ({ context, event }) => validateEvent(context, event, calendar) === null,
      judgedReasonable: ({ event }) => event.type === 'REASONS_JUDGED' && event.reasonable,
      judgedUnreasonable: ({ event }) => event.type === 'REASONS_JUDGED' && !event.reasonable,
      finalStep: ({ context }) => nextApprovalStep(context).final,
      intermediateStep: ({ context }) => !nextApprovalStep(context).final,
      reasonable: and(['judgedReasonable', 'valid']),
      unreasonable: and(['judgedUnreasonable', 'valid']),
      finalApproval: and(['finalStep', 'valid']),
      intermediateApproval: and(['intermediateStep', 'valid']),
    },
    actions: {
      record: assign(({ context, event }) => recordEvent(context, event, calendar)),
    },
  }).createMachine({
    id: CASE_MACHINE_ID,
    version: String(CASE_MACHINE_VERSION),
    context: ({ input }) => {
      if (input === undefined) throw MISSING_INPUT;
      return initialCaseContext(input, CASE_MACHINE_VERSION);
    },
    initial: 'open',
    states: {
      open: {
        type: 'parallel',
        on: {
          // Project rule 3: withdrawal from any open state → other.other.
          WITHDRAW: { target: '#case.closed.ended', guard: 'valid', actions: 'record' },
          // Bookkeeping only: no target, so neither region is re-entered.
          YEAR_CLOSED: { guard: 'valid', actions: 'record' },
        },
        states: {
          procedure: {
            initial: 'intake',
            states: {
              intake: {
                on: {
                  ACCEPT: { target: 'processing', guard: 'valid', actions: 'record' },
                  REQUEST_SUPPLEMENT: {
                    target: 'awaitingSupplement',
                    guard: 'valid',
                    actions: 'record',
                  },
                },
              },
              awaitingSupplement: {
                on: {
                  // Art. 30: the answer period restarts from the supplement.
                  SUPPLEMENT_RECEIVED: { target: 'processing', guard: 'valid', actions: 'record' },
                  SUPPLEMENT_OVERDUE: {
                    target: '#case.closed.ended',
                    guard: 'valid',
                    actions: 'record',
                  },
                },
              },
              processing: {
                on: {
                  REQUEST_SUPPLEMENT: {
                    target: 'awaitingSupplement',
                    guard: 'valid',
                    actions: 'record',
                  },
                  START_CONSULTATION: { target: 'consulting', guard: 'valid', actions: 'record' },
                  REQUEST_REASONS: { target: 'awaitingReasons', guard: 'valid', actions: 'record' },
                  DRAFT_DECISION: { target: 'awaitingApproval', guard: 'valid', actions: 'record' },
                },
              },
              consulting: {
                on: {
                  CONSULTATION_REPLIED: { target: 'processing', guard: 'valid', actions: 'record' },
                  CONSULTATION_EXPIRED: { target: 'processing', guard: 'valid', actions: 'record' },
                },
              },
              awaitingReasons: {
                on: {
                  REASONS_JUDGED: [
                    {
                      target: 'processing',
                      guard: 'reasonable',
                      actions: 'record',
                    },
                    // Art. 35: unreasonable → 不予处理 (not_handled.excessive), drafted for approval.
                    {
                      target: 'awaitingApproval',
                      guard: 'unreasonable',
                      actions: 'record',
                    },
                  ],
                },
              },
              awaitingApproval: {
                on: {
                  APPROVE_DECISION: [
                    {
                      target: '#case.closed.awaitingService',
                      guard: 'finalApproval',
                      actions: 'record',
                    },
                    { guard: 'intermediateApproval', actions: 'record' },
                  ],
                  RETURN_DECISION: { target: 'processing', guard: 'valid', actions: 'record' },
                },
              },
            },
          },
          fee: {
            initial: 'none',
            states: {
              none: {
                on: {
                  SERVE_FEE_NOTICE: {
                    target: 'awaiting',
                    guard: and([
                      or(FEE_NOTICE_STEPS.map((step) => stateIn({ open: { procedure: step } }))),
                      'valid',
                    ]),
                    actions: 'record',
                  },
                },
              },
              // Art. 42, Project rule 11: the answer clock is paused until payment.
              awaiting: {
                on: {
                  FEE_PAID: { target: 'paid', guard: 'valid', actions: 'record' },
                  // 国办函〔2020〕109号: unpaid 20 WD after the notice → deemed abandoned.
                  FEE_OVERDUE: { target: '#case.closed.ended', guard: 'valid', actions: 'record' },
                },
              },
              paid: {},
            },
          },
          extension: {
            initial: 'none',
            states: {
              none: {
                on: {
                  REQUEST_EXTENSION: { target: 'requested', guard: 'valid', actions: 'record' },
                },
              },
              requested: {
                on: {
                  APPROVE_EXTENSION: { target: 'granted', guard: 'valid', actions: 'record' },
                  REFUSE_EXTENSION: { target: 'refused', guard: 'valid', actions: 'record' },
                  // Project rule 18 (the procedure region records the restart itself).
                  SUPPLEMENT_RECEIVED: { target: 'none', guard: 'valid' },
                },
              },
              granted: { on: { SUPPLEMENT_RECEIVED: { target: 'none', guard: 'valid' } } },
              refused: { on: { SUPPLEMENT_RECEIVED: { target: 'none', guard: 'valid' } } },
            },
          },
        },
      },
      closed: {
        initial: 'awaitingService',
        states: {
          awaitingService: {
            on: { RECORD_SERVICE: { target: 'served', guard: 'valid', actions: 'record' } },
          },
          served: { type: 'final' },
          // No decision to serve: withdrawal and the automatic closures (Art. 30, 109号). The
          // notice that the application is no longer processed may still be served, once; the
          // case stays ended and its outcome and date do not change.
          ended: {
            type: 'final',
            on: { RECORD_NOTICE_SERVICE: { guard: 'valid', actions: 'record' } },
          },
        },
      },
    },
  });
}

export type CaseMachine = ReturnType<typeof createCaseMachine>;

const machines = new WeakMap<WorkingDayCalendar, CaseMachine>();

/** One machine per calendar (calendars are immutable), built once. */
export function caseMachineFor(calendar: WorkingDayCalendar): CaseMachine {
  let machine = machines.get(calendar);
  if (!machine) {
    machine = createCaseMachine(calendar);
    machines.set(calendar, machine);
  }
  return machine;
}

/** The machine on the chinese-days calendar: for diagrams and for callers without their own data. */
export const caseMachine: CaseMachine = caseMachineFor(defaultWorkingDayCalendar());

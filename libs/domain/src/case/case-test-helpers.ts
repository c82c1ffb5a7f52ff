import { type LocalDate } from '../dates';
import { applyCaseEvent, createCase, type CaseSnapshot } from './case-engine';
import { type Actor, type CaseEvent, type CaseEventType } from './case.types';

// Test support only (not exported from the library).
export const clerk: Actor = { id: 'clerk-1', role: 'clerk' };
export const leader: Actor = { id: 'leader-1', role: 'leader' };
export const leader2: Actor = { id: 'leader-2', role: 'leader' };
export const system: Actor = { id: 'system', role: 'system' };

type Payload<T extends CaseEventType> = Omit<
  Extract<CaseEvent, { type: T }>,
  'type' | 'actor' | 'on'
>;

export function ev<T extends CaseEventType>(
  type: T,
  on: LocalDate,
  actor: Actor,
  payload?: Payload<T>,
): CaseEvent {
  return { type, on, actor, ...(payload ?? {}) } as CaseEvent;
}

export function run(snapshot: CaseSnapshot, events: readonly CaseEvent[]): CaseSnapshot {
  let current = snapshot;
  for (const event of events) {
    const result = applyCaseEvent(current, event);
    if (!result.ok) throw new Error(`${event.type} refused: ${result.code} ${result.message}`);
    current = result.snapshot;
  }
  return current;
}

export const RECEIVED = '2025-03-03';

/** Paths from receipt to each state (received Monday 2025-03-03). */
export const PATHS: Record<string, readonly CaseEvent[]> = {
  intake: [],
  awaitingSupplement: [
    ev('REQUEST_SUPPLEMENT', '2025-03-04', clerk, { dueOn: '2025-03-20', items: ['信息名称'] }),
  ],
  processing: [ev('ACCEPT', '2025-03-03', clerk)],
  consulting: [
    ev('ACCEPT', '2025-03-03', clerk),
    ev('START_CONSULTATION', '2025-03-05', clerk, { party: 'third_party' }),
  ],
  awaitingFee: [
    ev('ACCEPT', '2025-03-03', clerk),
    ev('SERVE_FEE_NOTICE', '2025-03-05', clerk, {
      standard: 'per_page',
      amountYuan: 10,
      pages: 31,
    }),
  ],
  awaitingReasons: [ev('ACCEPT', '2025-03-03', clerk), ev('REQUEST_REASONS', '2025-03-05', clerk)],
  awaitingApproval: [
    ev('ACCEPT', '2025-03-03', clerk),
    ev('DRAFT_DECISION', '2025-03-06', clerk, { outcome: 'disclosed' }),
  ],
  awaitingService: [
    ev('ACCEPT', '2025-03-03', clerk),
    ev('DRAFT_DECISION', '2025-03-06', clerk, { outcome: 'disclosed' }),
    ev('APPROVE_DECISION', '2025-03-07', leader),
  ],
  served: [
    ev('ACCEPT', '2025-03-03', clerk),
    ev('DRAFT_DECISION', '2025-03-06', clerk, { outcome: 'disclosed' }),
    ev('APPROVE_DECISION', '2025-03-07', leader),
    ev('RECORD_SERVICE', '2025-03-10', clerk, { method: 'post', servedOn: '2025-03-10' }),
  ],
  ended: [ev('WITHDRAW', '2025-03-04', clerk)],
};

export function caseIn(state: keyof typeof PATHS, approvalSteps = 1): CaseSnapshot {
  return run(createCase({ receivedOn: RECEIVED, approvalSteps }), PATHS[state]);
}

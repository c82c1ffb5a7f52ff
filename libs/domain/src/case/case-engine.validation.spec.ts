import { computeDeadlines } from '../clock/deadlines';
import { applyCaseEvent, createCase } from './case-engine';
import { validateEvent } from './case-rules';
import { clerk, ev, leader, leader2 } from './case-test-helpers';
import { type CaseEvent } from './case.types';

// A history touching every kind of guard: plain, branch (approval steps, Art. 35), cross-region.
const HISTORY: readonly CaseEvent[] = [
  ev('ACCEPT', '2025-03-04', clerk),
  ev('START_CONSULTATION', '2025-03-05', clerk, { party: 'third_party' }),
  ev('SERVE_FEE_NOTICE', '2025-03-06', clerk, {
    standard: 'per_page',
    amountYuan: 2700,
    pages: 200,
  }),
  ev('CONSULTATION_REPLIED', '2025-03-12', clerk),
  ev('FEE_PAID', '2025-03-13', clerk),
  ev('REQUEST_REASONS', '2025-03-14', clerk),
  ev('REASONS_JUDGED', '2025-03-17', clerk, { reasonable: true, delayedAnswerOn: '2025-06-30' }),
  ev('DRAFT_DECISION', '2025-03-20', clerk, { outcome: 'disclosed' }),
  ev('APPROVE_DECISION', '2025-03-21', leader),
  ev('APPROVE_DECISION', '2025-03-21', leader2),
  ev('RECORD_SERVICE', '2025-03-24', clerk, { method: 'post', servedOn: '2025-03-24' }),
];

// Counted, not changed: each module's own function behind a jest.fn.
jest.mock('./case-rules', () => {
  const actual = jest.requireActual<typeof import('./case-rules')>('./case-rules');
  return { ...actual, validateEvent: jest.fn(actual.validateEvent) };
});
jest.mock('../clock/deadlines', () => {
  const actual = jest.requireActual<typeof import('../clock/deadlines')>('../clock/deadlines');
  return { ...actual, computeDeadlines: jest.fn(actual.computeDeadlines) };
});
const validate = jest.mocked(validateEvent);
const derive = jest.mocked(computeDeadlines);

describe('each event is validated once', () => {
  beforeEach(() => jest.clearAllMocks());

  it('an accepted event asks the rules once, and derives each new ledger once', () => {
    let snapshot = createCase({ receivedOn: '2025-03-03', approvalSteps: 2 });
    for (const event of HISTORY) {
      validate.mockClear();
      derive.mockClear();
      const result = applyCaseEvent(snapshot, event);
      if (!result.ok) throw new Error(`${event.type}: ${result.message}`);
      expect([event.type, validate.mock.calls.length]).toEqual([event.type, 1]);
      // The ledger before (asked by a rule or by the recording) and the one after, at most.
      expect(derive.mock.calls.length).toBeLessThanOrEqual(2);
      snapshot = result.snapshot;
    }
  });

  it('a refused event asks the rules again only to say why', () => {
    const snapshot = createCase({ receivedOn: '2025-03-03' });
    validate.mockClear();
    const result = applyCaseEvent(snapshot, ev('ACCEPT', '2025-03-03', leader));
    expect(result.ok ? null : result.code).toBe('role_not_allowed');
    expect(validate).toHaveBeenCalledTimes(2);
  });
});

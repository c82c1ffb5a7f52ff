import fc from 'fast-check';
import { defaultWorkingDayCalendar } from '../calendar';
import { hasApprovedDraft, mayApproveDecision, nextApprovalStep } from './approval-rules';
import { allowedEvents, applyCaseEvent, createCase } from './case-engine';
import {
  ACTING_ROLES,
  actingRole,
  actingRolesOf,
  caseFinished,
  mayReassign,
  reassignRefusal,
} from './case-permissions';
import { EVENT_RULES } from './case-rules';
import { clerk, ev, leader, leader2, run } from './case-test-helpers';
import { ACTOR_ROLES, CASE_EVENT_TYPES, CLOSED_STATES, OPEN_STATES } from './case.types';

const calendar = defaultWorkingDayCalendar();

describe('acting role', () => {
  it.each([
    [['clerk'], 'ACCEPT', 'clerk'],
    [['clerk', 'leader'], 'APPROVE_DECISION', 'leader'],
    [['leader', 'clerk'], 'DRAFT_DECISION', 'clerk'],
    // Not the role the event needs: the machine refuses, naming the role needed.
    [['leader'], 'ACCEPT', 'leader'],
    [['admin'], 'ACCEPT', 'clerk'],
    [['auditor', 'admin'], 'APPROVE_DECISION', 'clerk'],
    // The importer replays every step in the role it needs.
    [ACTOR_ROLES, 'SUPPLEMENT_OVERDUE', 'system'],
    [ACTOR_ROLES, 'APPROVE_EXTENSION', 'leader'],
  ] as const)('%j sends %s as %s', (roles, type, expected) => {
    expect(actingRole(roles, type)).toBe(expected);
  });

  it('with every role, each event is sent in the role its rule names', () => {
    for (const type of CASE_EVENT_TYPES) {
      expect(EVENT_RULES[type].roles).toContain(actingRole(ACTOR_ROLES, type));
    }
  });

  it('property: the chosen role is the needed one whenever the user holds it', () => {
    fc.assert(
      fc.property(
        fc.subarray([...ACTOR_ROLES]),
        fc.constantFrom(...CASE_EVENT_TYPES),
        (roles, type) => {
          const role = actingRole(roles, type);
          const holdsNeeded = EVENT_RULES[type].roles.some((r) => roles.includes(r));
          if (holdsNeeded) expect(EVENT_RULES[type].roles).toContain(role);
          else expect([...ACTING_ROLES, 'clerk']).toContain(role);
        },
      ),
    );
  });

  it('acting roles leave out auditors, administrators and the system', () => {
    expect(actingRolesOf(['admin', 'leader', 'auditor', 'clerk'])).toEqual(['clerk', 'leader']);
  });
});

describe('may reassign (改派)', () => {
  const user = (roles: string[], writeAgencyIds = ['a1']) => ({ roles, writeAgencyIds });
  const c = (state: string, closed: boolean, agencyId = 'a1') => ({ agencyId, closed, state });
  it.each([
    ['leader, open case', user(['leader']), c('processing', false), true],
    ['admin, awaiting service', user(['admin']), c('awaitingService', true), true],
    ['clerk', user(['clerk']), c('processing', false), false],
    ['auditor', user(['auditor']), c('processing', false), false],
    ['leader, served', user(['leader']), c('served', true), false],
    ['leader, withdrawn', user(['leader']), c('ended', true), false],
    [
      'leader of another agency (read scope only)',
      user(['leader'], ['a2']),
      c('processing', false),
      false,
    ],
  ])('%s', (_label, u, kase, expected) => {
    expect(mayReassign(u, kase)).toBe(expected);
  });

  it('refusals name why', () => {
    const open = { closed: false, state: 'processing', assignedClerkId: 'u1' };
    expect(reassignRefusal('clerk', open, 'u2')?.code).toBe('role_not_allowed');
    expect(reassignRefusal('leader', { ...open, closed: true, state: 'served' }, 'u2')?.code).toBe(
      'case_finished',
    );
    expect(reassignRefusal('leader', open, 'u1')?.code).toBe('same_assignee');
    expect(reassignRefusal('admin', open, 'u2')).toBeNull();
  });

  it('property: the desk offers 改派 exactly when the service would not refuse for role or state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTOR_ROLES),
        fc.constantFrom<string>(...OPEN_STATES, ...CLOSED_STATES),
        (role, state) => {
          const closed = (CLOSED_STATES as readonly string[]).includes(state);
          const offered = mayReassign(user([role]), c(state, closed));
          const refusal = reassignRefusal(role, { closed, state, assignedClerkId: null }, 'u9');
          expect(offered).toBe(refusal === null);
          expect(caseFinished({ closed, state })).toBe(closed && state !== 'awaitingService');
        },
      ),
    );
  });
});

describe('approval rules', () => {
  const drafted = (steps: number) =>
    run(createCase({ receivedOn: '2025-03-03', approvalSteps: steps }), [
      ev('ACCEPT', '2025-03-04', clerk),
      ev('DRAFT_DECISION', '2025-03-05', clerk, { outcome: 'disclosed' }),
    ]);

  it('a leader who approved a step may not approve the next one', () => {
    const once = run(drafted(2), [ev('APPROVE_DECISION', '2025-03-06', leader)]);
    expect(hasApprovedDraft(once.context, leader.id)).toBe(true);
    expect(mayApproveDecision(once.context, leader.id)).toBe(false);
    expect(mayApproveDecision(once.context, leader2.id)).toBe(true);
    expect(nextApprovalStep(once.context)).toEqual({ step: 2, final: true });
    const again = applyCaseEvent(once, ev('APPROVE_DECISION', '2025-03-07', leader));
    expect(again.ok ? null : again.code).toBe('same_approver');
  });

  it('allowedEvents for a user leaves out an approval it already gave; for a role it does not', () => {
    const once = run(drafted(2), [ev('APPROVE_DECISION', '2025-03-06', leader)]);
    const types = (actor: Parameters<typeof allowedEvents>[1]) =>
      allowedEvents(once, actor, calendar, '2025-03-07').map((e) => e.type);
    expect(types('leader')).toContain('APPROVE_DECISION');
    expect(types({ id: leader.id, roles: ['leader'] })).not.toContain('APPROVE_DECISION');
    expect(types({ id: leader2.id, roles: ['leader'] })).toContain('APPROVE_DECISION');
    // A clerk-and-leader gets the union of both roles.
    expect(types({ id: leader2.id, roles: ['clerk', 'leader'] })).toEqual(
      expect.arrayContaining(['APPROVE_DECISION', 'RETURN_DECISION', 'WITHDRAW']),
    );
    expect(types({ id: 'x', roles: ['auditor', 'admin'] })).toEqual([]);
  });

  it('the first of one step is final; of three, the third', () => {
    expect(nextApprovalStep(drafted(1).context)).toEqual({ step: 1, final: true });
    const two = run(drafted(3), [
      ev('APPROVE_DECISION', '2025-03-06', leader),
      ev('APPROVE_DECISION', '2025-03-06', leader2),
    ]);
    expect(nextApprovalStep(two.context)).toEqual({ step: 3, final: true });
  });
});

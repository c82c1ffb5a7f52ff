import fc from 'fast-check';
import { type ReportStatus } from '../report-model';
import {
  allowedReportActions,
  REPORT_ACTIONS,
  REPORT_ROLES,
  REPORT_STATUSES,
  reportPhase,
  reportTransition,
  type ReportAction,
  type ReportRole,
} from './report-lifecycle';

// The expected lifecycle, written out independently of the table under test:
// [status, action] → the status it leads to, or null when the status does not allow it.
const NEXT: Record<ReportStatus, Record<ReportAction, ReportStatus | null>> = {
  draft: { editTexts: 'draft', submit: 'submitted', approve: null, return: null, publish: null },
  submitted: { editTexts: null, submit: null, approve: 'approved', return: 'draft', publish: null },
  approved: { editTexts: null, submit: null, approve: null, return: 'draft', publish: 'published' },
  // A correction starts from a published report.
  published: {
    editTexts: 'draft',
    submit: 'submitted',
    approve: null,
    return: null,
    publish: null,
  },
};
const WHO: Record<ReportAction, readonly ReportRole[]> = {
  editTexts: ['clerk'],
  submit: ['clerk'],
  approve: ['leader'],
  return: ['leader'],
  publish: ['leader', 'admin'],
};

const cases = REPORT_STATUSES.flatMap((status) =>
  REPORT_ACTIONS.flatMap((action) => REPORT_ROLES.map((role) => [status, action, role] as const)),
);

describe('report lifecycle: every status × action × role (checks clear, first publication)', () => {
  it.each(cases)('%s, %s by %s', (status, action, role) => {
    const result = reportTransition({ status, latestVersion: 0, blockingChecks: 0 }, action, [
      role,
    ]);
    const next = NEXT[status][action];
    if (!WHO[action].includes(role)) {
      expect(result).toMatchObject({ ok: false, code: 'role_not_allowed' });
    } else if (next === null) {
      expect(result).toMatchObject({ ok: false, code: 'report_status' });
    } else {
      expect(result).toEqual({
        ok: true,
        status: next,
        version: action === 'publish' ? 1 : null,
        correction: false,
      });
    }
  });

  it('covers 4 statuses × 5 actions × 4 roles', () => {
    expect(cases).toHaveLength(80);
  });
});

describe('report lifecycle: checks and corrections', () => {
  it.each([
    ['submit', 'draft', 'clerk'],
    ['approve', 'submitted', 'leader'],
    ['publish', 'approved', 'admin'],
  ] as const)('%s is refused while a blocking check fails', (action, status, role) => {
    expect(
      reportTransition({ status, latestVersion: 0, blockingChecks: 1 }, action, [role]),
    ).toMatchObject({
      ok: false,
      code: 'checks_failed',
    });
  });

  it.each([
    ['editTexts', 'draft', 'clerk'],
    ['return', 'approved', 'leader'],
  ] as const)('%s stays possible while a check fails (to fix it)', (action, status, role) => {
    expect(
      reportTransition({ status, latestVersion: 0, blockingChecks: 2 }, action, [role]).ok,
    ).toBe(true);
  });

  it('the status is judged before the checks (409 before 422, as the API answered)', () => {
    expect(
      reportTransition({ status: 'draft', latestVersion: 0, blockingChecks: 3 }, 'publish', [
        'leader',
      ]),
    ).toMatchObject({ code: 'report_status' });
  });

  it('a correction is published as the next version, only with a change note', () => {
    const approvedCorrection = { status: 'approved', latestVersion: 1, blockingChecks: 0 } as const;
    expect(reportTransition(approvedCorrection, 'publish', ['leader'])).toMatchObject({
      ok: false,
      code: 'change_note_required',
    });
    expect(
      reportTransition(approvedCorrection, 'publish', ['leader'], { changeNote: '  ' }),
    ).toMatchObject({
      code: 'change_note_required',
    });
    expect(
      reportTransition(approvedCorrection, 'publish', ['leader'], {
        changeNote: '更正第三部分数字',
      }),
    ).toEqual({
      ok: true,
      status: 'published',
      version: 2,
      correction: true,
    });
  });

  it.each([
    [{ status: 'draft', latestVersion: 0 }, 'draft'],
    [{ status: 'published', latestVersion: 1 }, 'published'],
    [{ status: 'published', latestVersion: 2 }, 'corrected'],
    [{ status: 'submitted', latestVersion: 2 }, 'submitted'],
  ] as const)('phase of %j is %s', (facts, phase) => {
    expect(reportPhase(facts)).toBe(phase);
  });
});

describe('allowed actions', () => {
  it.each([
    ['draft', ['clerk'], 0, ['editTexts', 'submit']],
    ['draft', ['clerk'], 1, ['editTexts']],
    ['submitted', ['leader'], 0, ['approve', 'return']],
    ['submitted', ['leader'], 1, ['return']],
    ['approved', ['leader'], 0, ['return', 'publish']],
    ['approved', ['admin'], 0, ['publish']],
    ['published', ['clerk', 'leader'], 0, ['editTexts', 'submit']],
    ['published', ['auditor'], 0, []],
  ] as const)(
    '%s for %j with %i blocking checks: %j',
    (status, roles, blockingChecks, expected) => {
      expect(allowedReportActions({ status, latestVersion: 1, blockingChecks }, roles)).toEqual(
        expected,
      );
    },
  );

  it('property: an action is offered exactly when the step would be taken (with a note)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REPORT_STATUSES),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.subarray([...REPORT_ROLES]),
        (status, latestVersion, blockingChecks, roles) => {
          const facts = { status, latestVersion, blockingChecks };
          const allowed = allowedReportActions(facts, roles);
          for (const action of REPORT_ACTIONS) {
            const taken = reportTransition(facts, action, roles, { changeNote: '说明' }).ok;
            expect(allowed.includes(action)).toBe(taken);
          }
          // Nobody without a role acts, and nothing leads out of the four statuses.
          if (roles.length === 0) expect(allowed).toEqual([]);
        },
      ),
    );
  });
});

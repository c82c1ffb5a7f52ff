import { transition } from 'xstate';
import { ART35_UNREASONABLE_REASONS, defaultDecisionBasis, OUTCOMES } from '../catalogues';
import { defaultWorkingDayCalendar } from '../calendar';
import { deadlineSummary } from '../clock';
import {
  allowedEvents,
  applyCaseEvent,
  caseStatus,
  createCase,
  deriveDeadlines,
  persistSnapshot,
  restoreSnapshot,
  CaseSnapshotError,
} from './case-engine';
import { caseMachine, CASE_MACHINE_ID, CASE_MACHINE_VERSION } from './case.machine';
import { CASE_EVENT_TYPES, type CaseEvent, type CaseEventType } from './case.types';
import { caseIn, clerk, ev, leader, leader2, run, system, type PATHS } from './case-test-helpers';

const LATE = '2025-06-30';

/** A valid-looking event of each type, from the right role, late enough for every expiry. */
function sample(type: CaseEventType): CaseEvent {
  switch (type) {
    case 'REQUEST_SUPPLEMENT':
      return ev(type, LATE, clerk, { dueOn: '2025-07-15', items: ['信息名称'] });
    case 'START_CONSULTATION':
      return ev(type, LATE, clerk, { party: 'other_agency' });
    case 'SERVE_FEE_NOTICE':
      return ev(type, LATE, clerk, {
        standard: 'per_application',
        amountYuan: 100,
        ordinalInMonth: 11,
      });
    case 'REASONS_JUDGED':
      return ev(type, LATE, clerk, { reasonable: true, delayedAnswerOn: '2025-09-30' });
    case 'DRAFT_DECISION':
      return ev(type, LATE, clerk, {
        outcome: 'partially_disclosed',
        reasons: '第2项涉及第三方商业秘密',
        basis: '《中华人民共和国政府信息公开条例》第三十七条',
      });
    case 'RETURN_DECISION':
      return ev(type, LATE, leader, { comment: '请补充理由' });
    case 'REQUEST_EXTENSION':
      return ev(type, LATE, clerk, { workingDays: 15, reason: '材料较多' });
    case 'RECORD_SERVICE':
    case 'RECORD_NOTICE_SERVICE':
      return ev(type, LATE, clerk, { method: 'in_person', servedOn: LATE });
    case 'YEAR_CLOSED':
      return ev(type, '2025-12-31', system, { year: 2025 });
    case 'SUPPLEMENT_OVERDUE':
    case 'CONSULTATION_EXPIRED':
    case 'FEE_OVERDUE':
      return ev(type, LATE, system);
    case 'APPROVE_DECISION':
    case 'APPROVE_EXTENSION':
    case 'REFUSE_EXTENSION':
      return ev(type, LATE, leader);
    default:
      return ev(type, LATE, clerk);
  }
}

// Every (state, event) pair: the resulting procedure/closed state, or null when refused.
const TABLE: Record<keyof typeof PATHS, Partial<Record<CaseEventType, string>>> = {
  intake: {
    ACCEPT: 'processing',
    REQUEST_SUPPLEMENT: 'awaitingSupplement',
    REQUEST_EXTENSION: 'intake',
    WITHDRAW: 'ended',
    YEAR_CLOSED: 'intake',
  },
  awaitingSupplement: {
    SUPPLEMENT_RECEIVED: 'processing',
    SUPPLEMENT_OVERDUE: 'ended',
    WITHDRAW: 'ended',
    YEAR_CLOSED: 'awaitingSupplement',
  },
  processing: {
    REQUEST_SUPPLEMENT: 'awaitingSupplement',
    START_CONSULTATION: 'consulting',
    SERVE_FEE_NOTICE: 'awaitingFee',
    REQUEST_REASONS: 'awaitingReasons',
    DRAFT_DECISION: 'awaitingApproval',
    REQUEST_EXTENSION: 'processing',
    WITHDRAW: 'ended',
    YEAR_CLOSED: 'processing',
  },
  consulting: {
    CONSULTATION_REPLIED: 'processing',
    CONSULTATION_EXPIRED: 'processing',
    // Machine v2: the fee notice is a region of its own (ledger-format.md's example).
    SERVE_FEE_NOTICE: 'consulting',
    REQUEST_EXTENSION: 'consulting',
    WITHDRAW: 'ended',
    YEAR_CLOSED: 'consulting',
  },
  awaitingFee: {
    FEE_PAID: 'processing',
    FEE_OVERDUE: 'ended',
    START_CONSULTATION: 'consulting',
    REQUEST_EXTENSION: 'awaitingFee',
    WITHDRAW: 'ended',
    YEAR_CLOSED: 'awaitingFee',
  },
  awaitingReasons: {
    REASONS_JUDGED: 'processing',
    REQUEST_EXTENSION: 'awaitingReasons',
    WITHDRAW: 'ended',
    YEAR_CLOSED: 'awaitingReasons',
  },
  awaitingApproval: {
    APPROVE_DECISION: 'awaitingService',
    RETURN_DECISION: 'processing',
    REQUEST_EXTENSION: 'awaitingApproval',
    WITHDRAW: 'ended',
    YEAR_CLOSED: 'awaitingApproval',
  },
  awaitingService: { RECORD_SERVICE: 'served' },
  served: {},
  // The 不再处理告知书 of a case closed without a decision (notice-service.spec.ts).
  ended: { RECORD_NOTICE_SERVICE: 'ended' },
};

describe('case machine: every transition, allowed and refused', () => {
  const rows = Object.entries(TABLE).flatMap(([state, allowed]) =>
    CASE_EVENT_TYPES.map((type) => [state, type, allowed[type] ?? null] as const),
  );

  it.each(rows)('%s + %s → %s', (state, type, expected) => {
    const before = caseIn(state as keyof typeof PATHS);
    const result = applyCaseEvent(before, sample(type));
    if (expected === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(['not_allowed_in_state', 'case_closed', 'fee_pending', 'already_done']).toContain(
          result.code,
        );
        expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
      }
    } else {
      expect(result.ok ? null : result.message).toBeNull();
      if (result.ok) expect(caseStatus(result.snapshot).state).toBe(expected);
    }
  });

  it('extension region: none → requested → granted | refused, leader only', () => {
    const requested = run(caseIn('processing'), [sample('REQUEST_EXTENSION')]);
    expect(caseStatus(requested).extension).toBe('requested');
    const byClerk = applyCaseEvent(requested, ev('APPROVE_EXTENSION', LATE, clerk));
    expect(byClerk.ok || byClerk.code).toBe('role_not_allowed');
    const granted = run(requested, [ev('APPROVE_EXTENSION', LATE, leader)]);
    expect(caseStatus(granted).extension).toBe('granted');
    const refused = run(requested, [ev('REFUSE_EXTENSION', LATE, leader)]);
    expect(caseStatus(refused).extension).toBe('refused');
    for (const s of [granted, refused]) {
      const again = applyCaseEvent(s, sample('REQUEST_EXTENSION'));
      expect(again.ok).toBe(false);
    }
    expect(applyCaseEvent(caseIn('processing'), ev('APPROVE_EXTENSION', LATE, leader)).ok).toBe(
      false,
    );
  });
});

describe('case machine: guards and rules', () => {
  it('checks roles: only a leader approves, only the system expires, auditors only read', () => {
    const approval = caseIn('awaitingApproval');
    const byClerk = applyCaseEvent(approval, ev('APPROVE_DECISION', LATE, clerk));
    expect(byClerk).toMatchObject({ ok: false, code: 'role_not_allowed' });
    const supplement = caseIn('awaitingSupplement');
    expect(applyCaseEvent(supplement, ev('SUPPLEMENT_OVERDUE', LATE, clerk))).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
    expect(
      applyCaseEvent(caseIn('intake'), ev('ACCEPT', LATE, { id: 'a', role: 'auditor' })),
    ).toMatchObject({ ok: false, code: 'role_not_allowed' });
    expect(applyCaseEvent(caseIn('intake'), ev('ACCEPT', LATE, leader))).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
  });

  it('rejects dates before receipt or before the previous event, and malformed events', () => {
    expect(applyCaseEvent(caseIn('intake'), ev('ACCEPT', '2025-03-01', clerk))).toMatchObject({
      ok: false,
      code: 'before_receipt',
    });
    expect(
      applyCaseEvent(caseIn('consulting'), ev('CONSULTATION_REPLIED', '2025-03-04', clerk)),
    ).toMatchObject({
      ok: false,
      code: 'before_previous_event',
    });
    expect(applyCaseEvent(caseIn('intake'), ev('ACCEPT', '2025-3-5', clerk))).toMatchObject({
      ok: false,
      code: 'invalid_date',
    });
    expect(
      applyCaseEvent(caseIn('intake'), {
        type: 'NOPE',
        on: LATE,
        actor: clerk,
      } as unknown as CaseEvent),
    ).toMatchObject({ ok: false, code: 'invalid_event' });
    expect(
      applyCaseEvent(caseIn('intake'), { type: 'ACCEPT', on: LATE } as unknown as CaseEvent),
    ).toMatchObject({ ok: false, code: 'invalid_actor' });
  });

  it('allows 补正 once, flags a notice later than 7 WD, restarts the clock', () => {
    const late = applyCaseEvent(
      caseIn('processing'),
      ev('REQUEST_SUPPLEMENT', '2025-03-20', clerk, { dueOn: '2025-04-03', items: ['身份证明'] }),
    );
    expect(late.ok).toBe(true);
    if (!late.ok) return;
    expect(late.flags.supplementNoticeLate).toBe(true);
    expect(late.effects.map((e) => e.code)).toEqual(['supplement_notice_late']);
    expect(deriveDeadlines(late.snapshot.context).answer.dueOn).toBeNull();
    const restarted = run(late.snapshot, [ev('SUPPLEMENT_RECEIVED', '2025-03-25', clerk)]);
    // 20 WD from 3月25日 (清明 4月4日 skipped)
    expect(deriveDeadlines(restarted.context).answer.dueOn).toBe('2025-04-23');
    const again = applyCaseEvent(
      restarted,
      ev('REQUEST_SUPPLEMENT', '2025-03-26', clerk, { dueOn: '2025-04-03', items: ['x'] }),
    );
    expect(again).toMatchObject({ ok: false, code: 'already_done' });
    const noItems = applyCaseEvent(
      caseIn('intake'),
      ev('REQUEST_SUPPLEMENT', '2025-03-04', clerk, { dueOn: '2025-03-20', items: [] }),
    );
    expect(noItems).toMatchObject({ ok: false, code: 'invalid_payload' });
  });

  it('closes as other.supplement_overdue only after the supplement deadline', () => {
    const s = caseIn('awaitingSupplement');
    expect(applyCaseEvent(s, ev('SUPPLEMENT_OVERDUE', '2025-03-20', system))).toMatchObject({
      ok: false,
      code: 'not_yet_due',
    });
    const closed = applyCaseEvent(s, ev('SUPPLEMENT_OVERDUE', '2025-03-21', system));
    expect(closed.ok && caseStatus(closed.snapshot)).toMatchObject({
      state: 'ended',
      closed: true,
      outcome: 'other.supplement_overdue',
      decidedOn: '2025-03-21',
    });
  });

  it('expires a consultation only after 15 WD and pauses the answer clock', () => {
    const s = caseIn('consulting');
    // Sent 3月5日: 15 WD end 3月26日.
    expect(applyCaseEvent(s, ev('CONSULTATION_EXPIRED', '2025-03-26', system))).toMatchObject({
      ok: false,
      code: 'not_yet_due',
    });
    const expired = run(s, [ev('CONSULTATION_EXPIRED', '2025-03-27', system)]);
    expect(caseStatus(expired).state).toBe('processing');
    expect(deriveDeadlines(expired.context).answer.dueOn).toBe('2025-04-22');
    const replied = run(s, [ev('CONSULTATION_REPLIED', '2025-03-07', clerk)]);
    expect(deriveDeadlines(replied.context).answer.dueOn).toBe('2025-04-02');
  });

  it('fee notice: one standard, the amount checked, overdue only after 20 WD', () => {
    const p = caseIn('processing');
    const wrong = applyCaseEvent(
      p,
      ev('SERVE_FEE_NOTICE', '2025-03-05', clerk, {
        standard: 'per_page',
        amountYuan: 50,
        pages: 31,
      }),
    );
    expect(wrong).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(wrong.ok || wrong.message).toContain('应为10元');
    const reasoned = applyCaseEvent(
      p,
      ev('SERVE_FEE_NOTICE', '2025-03-05', clerk, {
        standard: 'per_page',
        amountYuan: 50,
        pages: 31,
        overrideReason: '  另含5页彩色复印件  ',
      }),
    );
    expect(reasoned.ok && reasoned.snapshot.context.fee).toMatchObject({
      amountYuan: 50,
      pages: 31,
      overrideReason: '另含5页彩色复印件',
    });
    expect(
      applyCaseEvent(
        p,
        ev('SERVE_FEE_NOTICE', '2025-03-05', clerk, {
          standard: 'per_page',
          amountYuan: 50,
          pages: 31,
          overrideReason: '   ',
        }),
      ),
    ).toMatchObject({ ok: false, code: 'invalid_payload' });
    const both = applyCaseEvent(
      p,
      ev('SERVE_FEE_NOTICE', '2025-03-05', clerk, {
        standard: 'per_page',
        amountYuan: 10,
        pages: 31,
        ordinalInMonth: 12,
      }),
    );
    expect(both).toMatchObject({ ok: false, code: 'invalid_payload' });
    const fee = caseIn('awaitingFee');
    expect(applyCaseEvent(fee, ev('FEE_OVERDUE', '2025-04-02', system))).toMatchObject({
      ok: false,
      code: 'not_yet_due',
    });
    const unpaid = applyCaseEvent(fee, ev('FEE_OVERDUE', '2025-04-03', system));
    expect(unpaid.ok && caseStatus(unpaid.snapshot).outcome).toBe('other.fee_unpaid');
    const paid = run(fee, [ev('FEE_PAID', '2025-03-10', clerk)]);
    expect(deriveDeadlines(paid.context).answer.dueOn).toBe('2025-04-03');
    const second = applyCaseEvent(
      paid,
      ev('SERVE_FEE_NOTICE', '2025-03-11', clerk, { standard: 'per_page', amountYuan: 10 }),
    );
    expect(second).toMatchObject({ ok: false, code: 'already_done' });
  });

  it('fee region: a notice during a consultation; both pauses run at once (machine v2)', () => {
    // ledger-format.md's example: consultation 03-13 → 03-24, fee notice 03-15, paid 03-20.
    const received = createCase({ receivedOn: '2023-03-02' });
    const consulting = run(received, [
      ev('ACCEPT', '2023-03-02', clerk),
      ev('START_CONSULTATION', '2023-03-13', clerk, { party: 'third_party' }),
    ]);
    const both = run(consulting, [
      ev('SERVE_FEE_NOTICE', '2023-03-15', clerk, {
        standard: 'per_application',
        amountYuan: 100,
      }),
    ]);
    expect(both.value).toEqual({
      open: { procedure: 'consulting', fee: 'awaiting', extension: 'none' },
    });
    expect(caseStatus(both)).toMatchObject({ state: 'consulting', fee: 'awaiting' });
    const paid = run(both, [ev('FEE_PAID', '2023-03-20', clerk)]);
    expect(caseStatus(paid)).toMatchObject({ state: 'consulting', fee: 'paid' });
    const replied = run(paid, [ev('CONSULTATION_REPLIED', '2023-03-24', clerk)]);
    const consultedOnly = run(consulting, [ev('CONSULTATION_REPLIED', '2023-03-24', clerk)]);
    // Project rule 17: the fee pause lies inside the consultation pause and adds no day.
    expect(deriveDeadlines(replied.context).answer.dueOn).toBe(
      deriveDeadlines(consultedOnly.context).answer.dueOn,
    );
    expect(caseStatus(replied)).toMatchObject({ state: 'processing', fee: 'paid' });
    // The other order: a consultation started while the fee is unpaid.
    const feeFirst = run(caseIn('awaitingFee'), [
      ev('START_CONSULTATION', '2025-03-06', clerk, { party: 'other_agency' }),
    ]);
    expect(caseStatus(feeFirst)).toMatchObject({ state: 'consulting', fee: 'awaiting' });
    expect(caseStatus(run(feeFirst, [ev('FEE_PAID', '2025-03-07', clerk)])).state).toBe(
      'consulting',
    );
  });

  it('fee region: no notice outside processing or consulting; nothing decides while unpaid', () => {
    const notice = (on: string) =>
      ev('SERVE_FEE_NOTICE', on, clerk, { standard: 'per_application', amountYuan: 100 });
    for (const state of ['intake', 'awaitingSupplement', 'awaitingReasons', 'awaitingApproval']) {
      const refused = applyCaseEvent(caseIn(state as keyof typeof PATHS), notice('2025-03-10'));
      expect(refused).toMatchObject({ ok: false, code: 'not_allowed_in_state' });
    }
    const fee = caseIn('awaitingFee');
    for (const event of [
      ev('DRAFT_DECISION', '2025-03-06', clerk, { outcome: 'disclosed' }),
      ev('REQUEST_REASONS', '2025-03-06', clerk),
    ]) {
      const refused = applyCaseEvent(fee, event);
      expect(refused).toMatchObject({ ok: false, code: 'fee_pending' });
      expect(refused.ok || refused.message).toContain('第四十二条');
    }
    const types = allowedEvents(fee, 'clerk', defaultWorkingDayCalendar(), '2025-03-06').map(
      (e) => e.type,
    );
    expect(types).toEqual(['START_CONSULTATION', 'FEE_PAID', 'REQUEST_EXTENSION', 'WITHDRAW']);
    // A consultation that ends while the fee is unpaid leaves the case waiting for the fee.
    const consulting = run(fee, [
      ev('START_CONSULTATION', '2025-03-06', clerk, { party: 'third_party' }),
    ]);
    const replied = run(consulting, [ev('CONSULTATION_REPLIED', '2025-03-07', clerk)]);
    expect(caseStatus(replied)).toMatchObject({ state: 'awaitingFee', fee: 'awaiting' });
    const closed = applyCaseEvent(replied, ev('FEE_OVERDUE', '2025-04-30', system));
    expect(closed.ok && caseStatus(closed.snapshot)).toMatchObject({
      state: 'ended',
      fee: 'unpaid',
      outcome: 'other.fee_unpaid',
    });
  });

  it('Art. 35: unreasonable → not_handled.excessive for approval; reasonable → delayed date', () => {
    const r = caseIn('awaitingReasons');
    const unreasonable = run(r, [ev('REASONS_JUDGED', '2025-03-10', clerk, { reasonable: false })]);
    expect(caseStatus(unreasonable).state).toBe('awaitingApproval');
    expect(unreasonable.context.draft).toMatchObject({
      reasons: ART35_UNREASONABLE_REASONS,
      basis: '《中华人民共和国政府信息公开条例》第三十五条',
    });
    const approved = run(unreasonable, [ev('APPROVE_DECISION', '2025-03-11', leader)]);
    expect(caseStatus(approved)).toMatchObject({ outcome: 'not_handled.excessive', closed: true });
    expect(
      applyCaseEvent(r, ev('REASONS_JUDGED', '2025-03-10', clerk, { reasonable: true })),
    ).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(
      applyCaseEvent(
        r,
        ev('REASONS_JUDGED', '2025-03-10', clerk, {
          reasonable: true,
          delayedAnswerOn: '2025-03-20',
        }),
      ),
    ).toMatchObject({ ok: false, code: 'invalid_payload' });
    const reasonable = run(r, [
      ev('REASONS_JUDGED', '2025-03-10', clerk, {
        reasonable: true,
        delayedAnswerOn: '2025-05-30',
      }),
    ]);
    expect(caseStatus(reasonable).state).toBe('processing');
    expect(deriveDeadlines(reasonable.context).answer.dueOn).toBe('2025-05-30');
    expect(applyCaseEvent(reasonable, ev('REQUEST_REASONS', '2025-03-11', clerk))).toMatchObject({
      ok: false,
      code: 'already_done',
    });
  });

  it('drafts exactly one catalogue outcome', () => {
    const p = caseIn('processing');
    const draft = (outcome: string) =>
      applyCaseEvent(p, ev('DRAFT_DECISION', LATE, clerk, { outcome } as never));
    expect(draft('granted')).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(draft('other.fee_unpaid')).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(draft('unavailable.unclear_after_supplement')).toMatchObject({ ok: false });
    expect(draft('disclosed').ok).toBe(true);
  });

  it('requires reasons and a legal basis for every refusing or limiting outcome (Arts 36–37)', () => {
    const p = caseIn('processing');
    const draft = (outcome: string, extra: object) =>
      applyCaseEvent(p, ev('DRAFT_DECISION', LATE, clerk, { outcome, ...extra } as never));
    const refusing = OUTCOMES.filter((o) =>
      ['partially_disclosed', 'withheld', 'unavailable', 'not_handled'].includes(o.group),
    ).filter((o) => o.code !== 'unavailable.unclear_after_supplement');
    expect(refusing).toHaveLength(16);
    for (const o of refusing) {
      expect(draft(o.code, {})).toMatchObject({ ok: false, code: 'invalid_payload' });
      expect(draft(o.code, { reasons: '  ', basis: '第十四条' })).toMatchObject({ ok: false });
      expect(draft(o.code, { reasons: '涉及国家秘密', basis: ' ' })).toMatchObject({ ok: false });
      const done = draft(o.code, { reasons: ' 理由 ', basis: '《条例》第十四条' });
      expect(done.ok).toBe(true);
      if (done.ok) {
        expect(done.snapshot.context.draft).toMatchObject({
          outcome: o.code,
          reasons: '理由',
          basis: '《条例》第十四条',
        });
      }
    }
    expect(draft('withheld.state_secret', { reasons: 5, basis: 'x' })).toMatchObject({ ok: false });
    expect(
      draft('withheld.state_secret', { reasons: '长'.repeat(2001), basis: 'x' }),
    ).toMatchObject({ ok: false });
  });

  it('pre-fills the legal basis from the outcome catalogue as the article of the Regulation', () => {
    expect(defaultDecisionBasis('withheld.state_secret')).toBe(
      '《中华人民共和国政府信息公开条例》第十四条',
    );
    expect(defaultDecisionBasis('other.fee_unpaid')).toBe(
      '《中华人民共和国政府信息公开条例》第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    );
    expect(defaultDecisionBasis('not_handled.confirm_or_reissue')).toBe('');
    for (const o of OUTCOMES) expect(defaultDecisionBasis(o.code)).not.toMatch(/项目规则|rule/i);
  });

  it('runs an approval chain of distinct leaders; decision date = final approval', () => {
    const s = caseIn('awaitingApproval', 2);
    const first = run(s, [ev('APPROVE_DECISION', '2025-03-07', leader)]);
    expect(caseStatus(first).state).toBe('awaitingApproval');
    expect(applyCaseEvent(first, ev('APPROVE_DECISION', '2025-03-08', leader))).toMatchObject({
      ok: false,
      code: 'same_approver',
    });
    const done = run(first, [ev('APPROVE_DECISION', '2025-03-10', leader2)]);
    expect(caseStatus(done)).toMatchObject({
      state: 'awaitingService',
      outcome: 'disclosed',
      decidedOn: '2025-03-10',
    });
    expect(done.context.draft?.approvals.map((a) => a.by)).toEqual(['leader-1', 'leader-2']);
  });

  it('returns a decision with a comment to processing', () => {
    const s = caseIn('awaitingApproval');
    expect(applyCaseEvent(s, ev('RETURN_DECISION', LATE, leader, { comment: ' ' }))).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    const back = run(s, [ev('RETURN_DECISION', LATE, leader, { comment: '依据不足' })]);
    expect(caseStatus(back).state).toBe('processing');
    expect(back.context.draft).toBeNull();
    expect(back.context.returnedDrafts).toHaveLength(1);
  });

  it('extension ≤ 20 WD moves the answer; a restart discards it (Project rule 18)', () => {
    const p = caseIn('processing');
    expect(
      applyCaseEvent(
        p,
        ev('REQUEST_EXTENSION', '2025-03-10', clerk, { workingDays: 21, reason: 'x' }),
      ),
    ).toMatchObject({ ok: false, code: 'invalid_payload' });
    const granted = run(p, [
      ev('REQUEST_EXTENSION', '2025-03-10', clerk, { workingDays: 20, reason: '需要检索档案' }),
      ev('APPROVE_EXTENSION', '2025-03-11', leader),
    ]);
    // 4月27日 (Sunday) is a 劳动节 make-up working day.
    expect(deriveDeadlines(granted.context).answer.dueOn).toBe('2025-04-28');
    const restarted = run(granted, [
      ev('REQUEST_SUPPLEMENT', '2025-03-12', clerk, { dueOn: '2025-03-20', items: ['x'] }),
      ev('SUPPLEMENT_RECEIVED', '2025-03-18', clerk),
    ]);
    expect(caseStatus(restarted).extension).toBe('none');
    expect(deriveDeadlines(restarted.context).answer.dueOn).toBe('2025-04-16');
    expect(restarted.context.extension).toBeNull();
  });

  it('flags a late answer at service, never refuses it', () => {
    const s = caseIn('awaitingService');
    const late = applyCaseEvent(
      s,
      ev('RECORD_SERVICE', '2025-04-10', clerk, { method: 'post', servedOn: '2025-04-10' }),
    );
    expect(late.ok && late.flags.answeredLate).toBe(true);
    expect(late.ok && late.effects.map((e) => e.code)).toEqual(['answered_late']);
    expect(
      applyCaseEvent(
        s,
        ev('RECORD_SERVICE', '2025-03-10', clerk, { method: 'post', servedOn: '2025-03-06' }),
      ),
    ).toMatchObject({ ok: false, code: 'invalid_payload' });
    const decidedLate = run(caseIn('awaitingApproval'), [
      ev('APPROVE_DECISION', '2025-04-30', leader),
    ]);
    expect(decidedLate.context.flags.decidedLate).toBe(true);
  });

  it('withdrawal closes as other.other; a closed case refuses everything but service', () => {
    const ended = caseIn('ended');
    expect(caseStatus(ended)).toMatchObject({
      outcome: 'other.other',
      closed: true,
      state: 'ended',
    });
    expect(applyCaseEvent(ended, sample('ACCEPT'))).toMatchObject({
      ok: false,
      code: 'case_closed',
    });
  });

  it('records year close once per year, open cases only, from 31 December', () => {
    const p = caseIn('processing');
    expect(
      applyCaseEvent(p, ev('YEAR_CLOSED', '2025-12-30', system, { year: 2025 })),
    ).toMatchObject({
      ok: false,
      code: 'not_yet_due',
    });
    const once = run(p, [ev('YEAR_CLOSED', '2026-01-01', system, { year: 2025 })]);
    expect(once.context.yearsClosed).toEqual([2025]);
    expect(once.context.lastEventOn).toBe('2025-03-03');
    expect(
      applyCaseEvent(once, ev('YEAR_CLOSED', '2026-01-01', system, { year: 2025 })),
    ).toMatchObject({
      ok: false,
      code: 'already_done',
    });
    expect(applyCaseEvent(p, ev('YEAR_CLOSED', '2025-12-31', clerk, { year: 2025 }))).toMatchObject(
      {
        ok: false,
        code: 'role_not_allowed',
      },
    );
  });

  it('never mutates the given snapshot; XState hands back the same object when refused', () => {
    const s = caseIn('intake');
    const json = JSON.stringify(persistSnapshot(s));
    expect(transition(caseMachine, s, ev('FEE_PAID', LATE, clerk))[0]).toBe(s);
    applyCaseEvent(s, ev('ACCEPT', '2025-03-04', clerk));
    expect(JSON.stringify(persistSnapshot(s))).toBe(json);
  });
});

describe('case engine: worked example, listing, persistence', () => {
  it('derives the regulation.md §6 deadlines from a registered case', () => {
    const s = createCase({ receivedOn: '2025-01-24' });
    expect(deadlineSummary(deriveDeadlines(s.context))).toMatchObject({
      supplementNoticeDueOn: '2025-02-10',
      answerDueOn: '2025-02-27',
      complete: true,
    });
  });

  it('lists what each role may do next', () => {
    const types = (
      s: Parameters<typeof allowedEvents>[0],
      role: Parameters<typeof allowedEvents>[1],
      today: string,
    ) => allowedEvents(s, role, defaultWorkingDayCalendar(), today).map((e) => e.type);
    expect(types(caseIn('processing'), 'clerk', '2025-03-05')).toEqual([
      'REQUEST_SUPPLEMENT',
      'START_CONSULTATION',
      'SERVE_FEE_NOTICE',
      'REQUEST_REASONS',
      'DRAFT_DECISION',
      'REQUEST_EXTENSION',
      'WITHDRAW',
    ]);
    expect(types(caseIn('awaitingApproval'), 'leader', '2025-03-07')).toEqual([
      'APPROVE_DECISION',
      'RETURN_DECISION',
    ]);
    expect(types(caseIn('awaitingSupplement'), 'system', '2025-03-20')).toEqual([]);
    expect(types(caseIn('awaitingSupplement'), 'system', '2025-03-21')).toEqual([
      'SUPPLEMENT_OVERDUE',
    ]);
    expect(types(caseIn('processing'), 'system', '2025-12-31')).toEqual(['YEAR_CLOSED']);
    expect(types(caseIn('processing'), 'auditor', '2025-03-05')).toEqual([]);
    expect(types(caseIn('served'), 'clerk', '2025-03-20')).toEqual([]);
    expect(
      allowedEvents(caseIn('intake'), 'clerk', defaultWorkingDayCalendar(), '2025-03-04')[0],
    ).toEqual({
      type: 'ACCEPT',
      label: '受理',
      labelEn: 'Accept',
    });
  });

  it('persists to plain JSON and restores, checking status, state and version', () => {
    const s = caseIn('consulting');
    const stored = JSON.parse(JSON.stringify(persistSnapshot(s)));
    expect(stored).toMatchObject({
      machineId: CASE_MACHINE_ID,
      machineVersion: CASE_MACHINE_VERSION,
      status: 'active',
      value: { open: { procedure: 'consulting', fee: 'none', extension: 'none' } },
    });
    const restored = restoreSnapshot(stored);
    expect(caseStatus(restored).state).toBe('consulting');
    expect(applyCaseEvent(restored, ev('CONSULTATION_REPLIED', '2025-03-07', clerk)).ok).toBe(true);
    expect(() =>
      restoreSnapshot({
        ...stored,
        value: { open: { procedure: 'limbo', fee: 'none', extension: 'none' } },
      }),
    ).toThrow(CaseSnapshotError);
    expect(() => restoreSnapshot({ ...stored, status: 'done' })).toThrow('状态无效');
    expect(() => restoreSnapshot({ ...stored, machineVersion: 99 })).toThrow('迁移');
    expect(() => restoreSnapshot({ ...stored, value: { archived: 'x' } })).toThrow(
      '未知的案件状态',
    );
    expect(() => restoreSnapshot(JSON.stringify(stored))).not.toThrow();
  });

  it('refuses to create a case with a bad date or approval chain', () => {
    expect(() => createCase({ receivedOn: '2025-02-30' })).toThrow(CaseSnapshotError);
    expect(() => createCase({ receivedOn: '2025-02-03', approvalSteps: 0 })).toThrow('审批环节');
  });
});

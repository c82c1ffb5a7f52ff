import { type ReportStatus } from '../report-model';

/**
 * The annual report's lifecycle (DESIGN.md "The annual report"): a typed transition table, pure,
 * no I/O. draft → submitted → approved (a leader) → published (version N, frozen); a leader may
 * return a submitted or approved report to draft; editing or resubmitting a published report
 * starts a correction (更正), which is published as version N + 1 with a note of what changed.
 *
 * The service asks `reportTransition` before it writes (and `allowedReportActions` for the
 * buttons); the table is the one place these rules are written.
 */

/** What `reports.status` stores (the model's `ReportStatus`). */
export const REPORT_STATUSES: readonly ReportStatus[] = [
  'draft',
  'submitted',
  'approved',
  'published',
];

/** The lifecycle as a reader sees it: a published report whose latest version is a correction. */
export type ReportPhase = ReportStatus | 'corrected';

export type ReportAction = 'editTexts' | 'submit' | 'approve' | 'return' | 'publish';
export const REPORT_ACTIONS: readonly ReportAction[] = [
  'editTexts',
  'submit',
  'approve',
  'return',
  'publish',
];

export type ReportRole = 'clerk' | 'leader' | 'auditor' | 'admin';
export const REPORT_ROLES: readonly ReportRole[] = ['clerk', 'leader', 'auditor', 'admin'];

export interface ReportStep {
  /** The statuses the action may start from. */
  readonly from: readonly ReportStatus[];
  readonly to: ReportStatus;
  /** Who may take it (the API's @Roles of the route reads this too). */
  readonly roles: readonly ReportRole[];
  /** Refused while a blocking consistency check (I1–I7) fails: the numbers must add up. */
  readonly needsClearChecks: boolean;
}

export const REPORT_LIFECYCLE: { readonly [A in ReportAction]: ReportStep } = {
  // Editing a published report starts a correction: it becomes a draft again.
  editTexts: {
    from: ['draft', 'published'],
    to: 'draft',
    roles: ['clerk'],
    needsClearChecks: false,
  },
  submit: {
    from: ['draft', 'published'],
    to: 'submitted',
    roles: ['clerk'],
    needsClearChecks: true,
  },
  // The leader approves the report for publication (DESIGN.md "Users").
  approve: { from: ['submitted'], to: 'approved', roles: ['leader'], needsClearChecks: true },
  return: {
    from: ['submitted', 'approved'],
    to: 'draft',
    roles: ['leader'],
    needsClearChecks: false,
  },
  publish: {
    from: ['approved'],
    to: 'published',
    roles: ['leader', 'admin'],
    needsClearChecks: true,
  },
};

export const REPORT_STATUS_LABELS: { readonly [S in ReportPhase]: string } = {
  draft: '草稿',
  submitted: '已提交待审批',
  approved: '已审批待发布',
  published: '已发布',
  corrected: '已更正发布',
};

/** What the lifecycle needs to know about a report (columns of `reports`, and its checks). */
export interface ReportFacts {
  readonly status: ReportStatus;
  /** The latest published version; 0 before the first publication. */
  readonly latestVersion: number;
  /** How many blocking checks fail on the live numbers now. */
  readonly blockingChecks: number;
}

export type ReportRefusalCode =
  'role_not_allowed' | 'report_status' | 'checks_failed' | 'change_note_required';

export interface ReportRefusal {
  readonly ok: false;
  readonly code: ReportRefusalCode;
  /** Chinese, for the clerk. */
  readonly message: string;
}

export interface ReportStepResult {
  readonly ok: true;
  readonly status: ReportStatus;
  /** The version a publication creates (latestVersion + 1); null for the other steps. */
  readonly version: number | null;
  /** Whether the step belongs to a correction of a published report. */
  readonly correction: boolean;
}

const ROLE_LABELS: { readonly [R in ReportRole]: string } = {
  clerk: '经办人',
  leader: '负责人',
  auditor: '审计人员',
  admin: '管理员',
};

const ACTION_LABELS: { readonly [A in ReportAction]: string } = {
  editTexts: '编辑报告文字',
  submit: '提交审批',
  approve: '审批通过',
  return: '退回修改',
  publish: '发布',
};

function refuse(code: ReportRefusalCode, message: string): ReportRefusal {
  return { ok: false, code, message };
}

/** A published report, or a draft of a correction of one. */
export function isCorrection(facts: Pick<ReportFacts, 'latestVersion'>): boolean {
  return facts.latestVersion > 0;
}

export function reportPhase(facts: Pick<ReportFacts, 'status' | 'latestVersion'>): ReportPhase {
  return facts.status === 'published' && facts.latestVersion > 1 ? 'corrected' : facts.status;
}

/**
 * Whether `roles` may take `action` now, and where it leads. Checked in this order, so the
 * service answers as before: the role (403), the status (409), the checks (422), and for a
 * correction's publication its change note (422).
 */
export function reportTransition(
  facts: ReportFacts,
  action: ReportAction,
  roles: readonly string[],
  input: { readonly changeNote?: string | null } = {},
): ReportStepResult | ReportRefusal {
  const step = REPORT_LIFECYCLE[action];
  if (!step.roles.some((r) => roles.includes(r))) {
    return refuse(
      'role_not_allowed',
      `只有${step.roles.map((r) => ROLE_LABELS[r]).join('、')}可以${ACTION_LABELS[action]}`,
    );
  }
  if (!step.from.includes(facts.status)) {
    return refuse(
      'report_status',
      `报告当前状态为“${REPORT_STATUS_LABELS[facts.status]}”，不能执行此操作`,
    );
  }
  if (step.needsClearChecks && facts.blockingChecks > 0) {
    return refuse('checks_failed', '勾稽关系核对未通过');
  }
  const version = action === 'publish' ? facts.latestVersion + 1 : null;
  if (version !== null && version > 1 && !input.changeNote?.trim()) {
    return refuse('change_note_required', '更正发布须填写更正说明（说明改了什么）');
  }
  return { ok: true, status: step.to, version, correction: isCorrection(facts) };
}

/**
 * The actions `roles` may take now (the studio's buttons). A step that needs a change note is
 * offered: the note is typed with the step.
 */
export function allowedReportActions(facts: ReportFacts, roles: readonly string[]): ReportAction[] {
  return REPORT_ACTIONS.filter((action) => {
    const result = reportTransition(facts, action, roles, { changeNote: 'offered' });
    return result.ok;
  });
}

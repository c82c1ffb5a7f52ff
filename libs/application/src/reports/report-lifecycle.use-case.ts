import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  ApproveReportRequest,
  PublishReportRequest,
  PutReportTextsRequest,
  ReportCheckView,
  ReportDownloadQuery,
  ReportDraftView,
  ReportQuery,
  ReportTexts,
  ReturnReportRequest,
  SubmitReportRequest,
} from '@gongkai/contracts';
import {
  CaseError,
  ReportDraftsRepository,
  ReportSourcesRepository,
  ReportVersionsRepository,
  type AgencyEntity,
  type ReportEntity,
} from '@gongkai/persistence';
import {
  allowedReportActions,
  formatForYear,
  reportTransition,
  toReportJson,
  type CheckResult,
  type ReportAction,
  type ReportRefusal,
} from '@gongkai/report';
import {
  blockingChecks,
  composeDraft,
  CONTENT_TYPES,
  downloadName,
  narrativeFailures,
  renderAll,
  renderOne,
  type ComposedDraft,
} from '@gongkai/reporting';
import type { SessionUser } from '../auth/session-user';
import type { Clock } from '../common/clock';
import { agencyInScope } from './agency-in-scope';
import { versionFile, type ReportFile } from './report-file';

function checkView(c: CheckResult): ReportCheckView {
  return {
    id: c.id,
    ok: c.ok,
    level: c.level,
    message: c.message,
    cells: c.cells,
    ...(c.sentence ? { sentence: c.sentence } : {}),
  };
}

function versionView(v: {
  version: number;
  sha256: string;
  changeNote: string | null;
  publishedAt: Date;
}) {
  return {
    version: v.version,
    sha256: v.sha256,
    changeNote: v.changeNote,
    publishedAt: v.publishedAt.toISOString(),
  };
}

/** Reading a supervised unit's report is allowed; changing it is for its own staff. */
function requireWritable(user: SessionUser, agency: AgencyEntity): void {
  if (!user.writeAgencyIds.includes(agency.id)) {
    throw new CaseError('forbidden', 'read_only_scope', '您只能编制和审批本机关的年度报告');
  }
}

/** The lifecycle's refusal as the API answered it before the table existed (403/409/422). */
function refusalError(
  refusal: ReportRefusal,
  row: ReportEntity,
  blockers: readonly CheckResult[],
): CaseError {
  switch (refusal.code) {
    case 'role_not_allowed':
      return new CaseError('forbidden', refusal.code, refusal.message);
    case 'report_status':
      return new CaseError('conflict', refusal.code, refusal.message, { status: row.status });
    case 'checks_failed':
      return new CaseError(
        'refused',
        refusal.code,
        `${refusal.message}：${blockers.map((c) => c.message).join('；')}`,
        { checks: blockers.map(checkView) },
      );
    case 'change_note_required':
      return new CaseError('refused', refusal.code, refusal.message);
  }
}

type Step = (
  m: EntityManager,
  row: ReportEntity,
  draft: ComposedDraft,
  agency: AgencyEntity,
) => Promise<Partial<ReportEntity>>;

/**
 * The annual report's lifecycle (DESIGN.md "The annual report"): a live draft per agency and
 * year, submit → approve (or return) → publish, and immutable published versions. Which step a
 * status and a role allow is the pure table of `@gongkai/report` (`reportTransition`); this use
 * case loads the facts, asks it, and writes the step in one transaction.
 */
export class ReportLifecycle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private async compose(
    m: EntityManager,
    agency: AgencyEntity,
    year: number,
  ): Promise<ComposedDraft & { row: ReportEntity | null }> {
    const sources = await new ReportSourcesRepository(m).load(agency, year);
    return { ...composeDraft(sources), row: sources.report };
  }

  async view(user: SessionUser, year: number, query: ReportQuery): Promise<ReportDraftView> {
    const m = this.dataSource.manager;
    const agency = await agencyInScope(m, user, query.agency);
    const draft = await this.compose(m, agency, year);
    const row = draft.row;
    const status = row?.status ?? 'draft';
    const blockers = blockingChecks(draft.report.checks, row?.crossYearNote ?? null);
    const versions = await new ReportVersionsRepository(m).list(agency.id, year);
    const facts = {
      status,
      latestVersion: row?.latestVersion ?? 0,
      blockingChecks: blockers.length,
    };
    return {
      agency: { id: agency.id, code: agency.code, name: agency.name },
      year,
      format: draft.report.format,
      status,
      revision: row?.revision ?? 0,
      texts: draft.texts,
      suggestions: draft.suggestions,
      section2Entered: await new ReportDraftsRepository(m).section2Entered(agency.id, year),
      report: toReportJson(draft.report),
      checks: draft.report.checks.map(checkView),
      blockers: blockers.map(checkView),
      crossYearNote: row?.crossYearNote ?? null,
      review: {
        comment: row?.reviewComment ?? null,
        by: row?.reviewedBy ?? null,
        at: row?.reviewedAt?.toISOString() ?? null,
      },
      latestVersion: row?.latestVersion ?? 0,
      versions: versions.map(versionView),
      allowed: user.writeAgencyIds.includes(agency.id)
        ? allowedReportActions(facts, user.roles)
        : [],
    };
  }

  /**
   * Runs one lifecycle step on the locked working copy (created on first use, with the
   * generated paragraphs as its texts), then returns the fresh view. `crossYearNote` is the note
   * the blocking checks are judged with (a submission brings its own).
   */
  private async step(
    user: SessionUser,
    year: number,
    query: ReportQuery,
    action: ReportAction,
    work: Step,
    options: {
      crossYearNote?: (row: ReportEntity) => string | null;
      changeNote?: string | null;
      /** Refusals judged before a missing change note (the narrative acknowledgement). */
      beforeChangeNote?: (row: ReportEntity, draft: ComposedDraft) => void;
    } = {},
  ): Promise<ReportDraftView> {
    const agency = await agencyInScope(this.dataSource.manager, user, query.agency);
    requireWritable(user, agency);
    await this.dataSource.transaction(async (m) => {
      const drafts = new ReportDraftsRepository(m);
      let draft = await this.compose(m, agency, year);
      if (!draft.row) {
        await drafts.createIfAbsent({
          agencyId: agency.id,
          year,
          format: formatForYear(year),
          texts: draft.texts,
          updatedBy: user.id,
        });
      }
      if (!(await drafts.lock(agency.id, year))) throw new Error('report row vanished');
      // Re-read under the lock: another step may have run since the first read.
      draft = await this.compose(m, agency, year);
      const row = draft.row;
      if (!row) throw new Error('report row vanished');
      const blockers = blockingChecks(
        draft.report.checks,
        options.crossYearNote ? options.crossYearNote(row) : row.crossYearNote,
      );
      const decision = reportTransition(
        { status: row.status, latestVersion: row.latestVersion, blockingChecks: blockers.length },
        action,
        user.roles,
        { changeNote: options.changeNote ?? null },
      );
      if (!decision.ok) {
        if (decision.code === 'change_note_required') options.beforeChangeNote?.(row, draft);
        throw refusalError(decision, row, blockers);
      }
      options.beforeChangeNote?.(row, draft);
      const changes = await work(m, row, draft, agency);
      await drafts.update(row.id, {
        ...changes,
        revision: row.revision + 1,
        updatedBy: user.id,
        updatedAt: this.clock.now(),
      });
    });
    return this.view(user, year, query);
  }

  /**
   * A text contradicting the tables (N1) or the fees (N2) is published only when the leader who
   * approved the report acknowledges it explicitly; the acknowledgement goes into the version.
   */
  private narrativeAcknowledgement(
    user: SessionUser,
    row: ReportEntity,
    checks: CheckResult[],
    body: PublishReportRequest,
  ): { by: string; at: string } | null {
    const failures = narrativeFailures(checks);
    if (failures.length === 0) return null;
    if (!body.acknowledgeNarrative) {
      throw new CaseError(
        'refused',
        'narrative_unacknowledged',
        `正文与表格不一致，须由批准该报告的负责人确认后发布：${failures.map((c) => c.message).join('；')}`,
        { checks: failures.map(checkView) },
      );
    }
    if (row.approvedBy !== user.id) {
      throw new CaseError(
        'forbidden',
        'narrative_ack_not_approver',
        '正文与表格不一致的报告，只能由批准该报告的负责人确认并发布',
      );
    }
    return { by: user.id, at: this.clock.now().toISOString() };
  }

  putTexts(user: SessionUser, year: number, query: ReportQuery, body: PutReportTextsRequest) {
    return this.step(user, year, query, 'editTexts', async (_m, row) => {
      if (body.expectedRevision !== undefined && body.expectedRevision !== row.revision) {
        throw new CaseError('conflict', 'stale_revision', '报告已被他人修改，请刷新后再编辑', {
          revision: row.revision,
        });
      }
      const texts: ReportTexts = body.texts;
      return { texts, status: 'draft' as const };
    });
  }

  submit(user: SessionUser, year: number, query: ReportQuery, body: SubmitReportRequest) {
    const noteOf = (row: ReportEntity) => body.crossYearNote || row.crossYearNote || null;
    return this.step(
      user,
      year,
      query,
      'submit',
      async (_m, row) => ({
        status: 'submitted' as const,
        crossYearNote: noteOf(row),
        submittedBy: user.id,
        submittedAt: this.clock.now(),
        reviewComment: null,
        reviewedBy: null,
        reviewedAt: null,
      }),
      { crossYearNote: noteOf },
    );
  }

  /** The numbers are live: a case closed since submission may have changed them. */
  approve(user: SessionUser, year: number, query: ReportQuery, body: ApproveReportRequest) {
    return this.step(user, year, query, 'approve', async () => {
      const now = this.clock.now();
      return {
        status: 'approved' as const,
        approvedBy: user.id,
        approvedAt: now,
        reviewComment: body.comment || null,
        reviewedBy: user.id,
        reviewedAt: now,
      };
    });
  }

  returnDraft(user: SessionUser, year: number, query: ReportQuery, body: ReturnReportRequest) {
    return this.step(user, year, query, 'return', async () => ({
      status: 'draft' as const,
      approvedBy: null,
      approvedAt: null,
      reviewComment: body.comment,
      reviewedBy: user.id,
      reviewedAt: this.clock.now(),
    }));
  }

  /**
   * Freezes numbers and texts into version N: the report JSON, its SHA-256 and every rendering,
   * in one transaction with the status change. Version 1 and earlier versions never change.
   */
  publish(user: SessionUser, year: number, query: ReportQuery, body: PublishReportRequest) {
    let acknowledgement: { by: string; at: string } | null = null;
    const changeNote = body.changeNote || null;
    return this.step(
      user,
      year,
      query,
      'publish',
      async (m, row, draft, agency) => {
        const version = row.latestVersion + 1;
        const frozen = {
          ...draft.report,
          status: 'published' as const,
          version,
          // The version records who published the contradiction knowingly, and when.
          checks: draft.report.checks.map((c) =>
            acknowledgement && narrativeFailures([c]).length > 0 ? { ...c, acknowledgement } : c,
          ),
        };
        const renderings = await renderAll(frozen, draft.texts.preamble);
        await new ReportDraftsRepository(m).insertVersion({
          reportId: row.id,
          agencyId: agency.id,
          year,
          version,
          format: frozen.format,
          json: renderings.json,
          sha256: createHash('sha256').update(renderings.json, 'utf8').digest('hex'),
          txt: renderings.txt,
          html: renderings.html,
          docx: renderings.docx,
          xlsx: renderings.xlsx,
          csvSection3: renderings.csvSection3,
          csvSection4: renderings.csvSection4,
          changeNote,
          publishedBy: user.id,
          publishedAt: this.clock.now(),
        });
        return { status: 'published' as const, latestVersion: version };
      },
      {
        changeNote,
        beforeChangeNote: (row, draft) => {
          acknowledgement = this.narrativeAcknowledgement(user, row, draft.report.checks, body);
        },
      },
    );
  }

  async versions(user: SessionUser, year: number, query: ReportQuery) {
    const agency = await agencyInScope(this.dataSource.manager, user, query.agency);
    const versions = await new ReportVersionsRepository(this.dataSource.manager).list(
      agency.id,
      year,
    );
    return versions.map(versionView);
  }

  /** A published version's stored rendering, or the live draft rendered now. */
  async download(user: SessionUser, year: number, query: ReportDownloadQuery): Promise<ReportFile> {
    const m = this.dataSource.manager;
    const agency = await agencyInScope(m, user, query.agency);
    if (query.version !== undefined) {
      const stored = await new ReportVersionsRepository(m).find(agency.id, year, query.version);
      if (!stored) {
        throw new CaseError(
          'not_found',
          'version_not_found',
          `${year}年度报告没有第${query.version}版`,
        );
      }
      return versionFile(stored, agency.code, query.format, query.section);
    }
    const draft = await this.compose(m, agency, year);
    return {
      body: await renderOne(draft.report, draft.texts.preamble, query.format, query.section),
      contentType: CONTENT_TYPES[query.format],
      filename: downloadName(agency.code, year, query.format, { section: query.section }),
    };
  }
}

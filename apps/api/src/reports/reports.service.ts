import { createHash } from 'node:crypto';
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  StreamableFile,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
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
  AgencyEntity,
  ReportEntity,
  ReportSourcesRepository,
  ReportVersionEntity,
  ReportVersionsRepository,
} from '@gongkai/persistence';
import { formatForYear, toReportJson, type CheckResult } from '@gongkai/report';
import { type SessionUser } from '../auth/session-user';
import { type Clock, InjectClock } from '../common/clock';
import { agencyInScope, requireWritable } from './agency-scope';
import {
  blockingChecks,
  composeDraft,
  CONTENT_TYPES,
  downloadName,
  narrativeFailures,
  renderAll,
  renderOne,
  storedRendering,
  type ComposedDraft,
} from '@gongkai/reporting';

type Action = ReportDraftView['allowed'][number];

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

/** Which lifecycle steps a status allows (DESIGN.md: draft → submitted → approved → published). */
const FROM: Record<Exclude<Action, 'editTexts'> | 'editTexts', readonly ReportEntity['status'][]> =
  {
    // Editing a published report starts a correction: it becomes a draft again.
    editTexts: ['draft', 'published'],
    submit: ['draft', 'published'],
    approve: ['submitted'],
    return: ['submitted', 'approved'],
    publish: ['approved'],
  };

const STATUS_LABEL: Record<ReportEntity['status'], string> = {
  draft: '草稿',
  submitted: '已提交待审批',
  approved: '已审批待发布',
  published: '已发布',
};

/**
 * The annual report's lifecycle (DESIGN.md "The annual report"): a live draft per agency and
 * year, submit → approve (or return) → publish, and immutable published versions.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectClock() private readonly clock: Clock,
  ) {}

  private async compose(
    m: EntityManager,
    agency: AgencyEntity,
    year: number,
  ): Promise<ComposedDraft & { row: ReportEntity | null }> {
    const sources = await new ReportSourcesRepository(m).load(agency, year);
    return { ...composeDraft(sources), row: sources.report };
  }

  private allowed(
    user: SessionUser,
    agency: AgencyEntity,
    status: ReportEntity['status'],
    blockers: number,
  ): Action[] {
    if (!user.writeAgencyIds.includes(agency.id)) return [];
    const roles = new Set(user.roles);
    const out: Action[] = [];
    if (roles.has('clerk') && FROM.editTexts.includes(status)) out.push('editTexts');
    if (roles.has('clerk') && FROM.submit.includes(status) && blockers === 0) out.push('submit');
    if (roles.has('leader') && FROM.approve.includes(status) && blockers === 0) out.push('approve');
    if (roles.has('leader') && FROM.return.includes(status)) out.push('return');
    if (
      (roles.has('leader') || roles.has('admin')) &&
      FROM.publish.includes(status) &&
      blockers === 0
    )
      out.push('publish');
    return out;
  }

  async view(user: SessionUser, year: number, query: ReportQuery): Promise<ReportDraftView> {
    const agency = await agencyInScope(this.db, user, query.agency);
    const draft = await this.compose(this.db.manager, agency, year);
    const row = draft.row;
    const status = row?.status ?? 'draft';
    const blockers = blockingChecks(draft.report.checks, row?.crossYearNote ?? null);
    const versions = await new ReportVersionsRepository(this.db.manager).list(agency.id, year);
    return {
      agency: { id: agency.id, code: agency.code, name: agency.name },
      year,
      format: draft.report.format,
      status,
      revision: row?.revision ?? 0,
      texts: draft.texts,
      suggestions: draft.suggestions,
      section2Entered:
        (
          await this.db.query('SELECT 1 FROM section2_figures WHERE agency_id = $1 AND year = $2', [
            agency.id,
            year,
          ])
        ).length > 0,
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
      allowed: this.allowed(user, agency, status, blockers.length),
    };
  }

  /**
   * Runs one lifecycle step on the locked working copy (created on first use, with the
   * generated paragraphs as its texts), then returns the fresh view.
   */
  private async step(
    user: SessionUser,
    year: number,
    query: ReportQuery,
    action: Action,
    work: (
      m: EntityManager,
      row: ReportEntity,
      draft: ComposedDraft,
      agency: AgencyEntity,
    ) => Promise<Partial<ReportEntity>>,
  ): Promise<ReportDraftView> {
    const agency = await agencyInScope(this.db, user, query.agency);
    requireWritable(user, agency);
    await this.db.transaction(async (m) => {
      let draft = await this.compose(m, agency, year);
      if (!draft.row) {
        await m.query(
          `INSERT INTO reports (agency_id, year, format, texts, updated_by)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (agency_id, year) DO NOTHING`,
          [agency.id, year, formatForYear(year), draft.texts, user.id],
        );
      }
      const [locked] = (await m.query(
        'SELECT id FROM reports WHERE agency_id = $1 AND year = $2 FOR UPDATE',
        [agency.id, year],
      )) as { id: string }[];
      if (!locked) throw new Error('report row vanished');
      // Re-read under the lock: another step may have run since the first read.
      draft = await this.compose(m, agency, year);
      const row = draft.row;
      if (!row) throw new Error('report row vanished');
      if (!FROM[action].includes(row.status)) {
        throw new ConflictException({
          message: `报告当前状态为“${STATUS_LABEL[row.status]}”，不能执行此操作`,
          code: 'report_status',
          status: row.status,
        });
      }
      const changes = await work(m, row, draft, agency);
      await m.getRepository(ReportEntity).update(
        { id: row.id },
        {
          // jsonb texts defeat TypeORM's deep-partial typing; the shape is the contracts' one.
          ...(changes as QueryDeepPartialEntity<ReportEntity>),
          revision: row.revision + 1,
          updatedBy: user.id,
          updatedAt: this.clock.now(),
        },
      );
    });
    return this.view(user, year, query);
  }

  private refuseWhileBlocked(checks: CheckResult[], crossYearNote: string | null): void {
    const blockers = blockingChecks(checks, crossYearNote);
    if (blockers.length) {
      throw new UnprocessableEntityException({
        message: `勾稽关系核对未通过：${blockers.map((c) => c.message).join('；')}`,
        code: 'checks_failed',
        checks: blockers.map(checkView),
      });
    }
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
      throw new UnprocessableEntityException({
        message: `正文与表格不一致，须由批准该报告的负责人确认后发布：${failures.map((c) => c.message).join('；')}`,
        code: 'narrative_unacknowledged',
        checks: failures.map(checkView),
      });
    }
    if (row.approvedBy !== user.id) {
      throw new ForbiddenException({
        message: '正文与表格不一致的报告，只能由批准该报告的负责人确认并发布',
        code: 'narrative_ack_not_approver',
      });
    }
    return { by: user.id, at: this.clock.now().toISOString() };
  }

  putTexts(user: SessionUser, year: number, query: ReportQuery, body: PutReportTextsRequest) {
    return this.step(user, year, query, 'editTexts', async (_m, row) => {
      if (body.expectedRevision !== undefined && body.expectedRevision !== row.revision) {
        throw new ConflictException({
          message: '报告已被他人修改，请刷新后再编辑',
          code: 'stale_revision',
          revision: row.revision,
        });
      }
      const texts: ReportTexts = body.texts;
      return { texts, status: 'draft' as const };
    });
  }

  submit(user: SessionUser, year: number, query: ReportQuery, body: SubmitReportRequest) {
    return this.step(user, year, query, 'submit', async (_m, row, draft) => {
      const note = body.crossYearNote || row.crossYearNote || null;
      this.refuseWhileBlocked(draft.report.checks, note);
      return {
        status: 'submitted' as const,
        crossYearNote: note,
        submittedBy: user.id,
        submittedAt: this.clock.now(),
        reviewComment: null,
        reviewedBy: null,
        reviewedAt: null,
      };
    });
  }

  approve(user: SessionUser, year: number, query: ReportQuery, body: ApproveReportRequest) {
    return this.step(user, year, query, 'approve', async (_m, row, draft) => {
      // The numbers are live: a case closed since submission may have changed them.
      this.refuseWhileBlocked(draft.report.checks, row.crossYearNote);
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
    return this.step(user, year, query, 'publish', async (m, row, draft, agency) => {
      this.refuseWhileBlocked(draft.report.checks, row.crossYearNote);
      const acknowledgement = this.narrativeAcknowledgement(user, row, draft.report.checks, body);
      const version = row.latestVersion + 1;
      const changeNote = body.changeNote || null;
      if (version > 1 && !changeNote) {
        throw new UnprocessableEntityException({
          message: '更正发布须填写更正说明（说明改了什么）',
          code: 'change_note_required',
        });
      }
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
      const now = this.clock.now();
      await m.getRepository(ReportVersionEntity).insert({
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
        publishedAt: now,
      });
      return { status: 'published' as const, latestVersion: version };
    });
  }

  async versions(user: SessionUser, year: number, query: ReportQuery) {
    const agency = await agencyInScope(this.db, user, query.agency);
    const versions = await new ReportVersionsRepository(this.db.manager).list(agency.id, year);
    return versions.map(versionView);
  }

  /** A published version's stored rendering, or the live draft rendered now. */
  async download(user: SessionUser, year: number, query: ReportDownloadQuery) {
    const agency = await agencyInScope(this.db, user, query.agency);
    if (query.version !== undefined) {
      const stored = await new ReportVersionsRepository(this.db.manager).find(
        agency.id,
        year,
        query.version,
      );
      if (!stored) {
        throw new NotFoundException({
          message: `${year}年度报告没有第${query.version}版`,
          code: 'version_not_found',
        });
      }
      return versionFile(stored, agency.code, query.format, query.section);
    }
    const draft = await this.compose(this.db.manager, agency, year);
    const body = await renderOne(draft.report, draft.texts.preamble, query.format, query.section);
    return new StreamableFile(body, {
      type: CONTENT_TYPES[query.format],
      disposition: `attachment; filename="${downloadName(agency.code, year, query.format, { section: query.section })}"`,
    });
  }
}

/** A stored rendering of a published version as a download. */
export function versionFile(
  stored: ReportVersionEntity,
  agencyCode: string,
  format: ReportDownloadQuery['format'],
  section: '3' | '4',
): StreamableFile {
  return new StreamableFile(storedRendering(stored, format, section), {
    type: CONTENT_TYPES[format],
    disposition: `attachment; filename="${downloadName(agencyCode, stored.year, format, { version: stored.version, section })}"`,
  });
}

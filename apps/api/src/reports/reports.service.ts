import { Injectable, StreamableFile } from '@nestjs/common';
import type {
  ApproveReportRequest,
  PublishReportRequest,
  PutReportTextsRequest,
  ReportDownloadQuery,
  ReportDraftView,
  ReportQuery,
  ReturnReportRequest,
  SubmitReportRequest,
} from '@gongkai/contracts';
import { ReportLifecycle, type ReportFile } from '@gongkai/application';
import { type SessionUser } from '../auth/session-user';
import { httpErrors } from '../cases/case-http-errors';

/** A rendering of the report as a download. */
export function streamed(file: ReportFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"`,
  });
}

/**
 * The annual report's routes: each calls the application's ReportLifecycle (DESIGN.md "The
 * annual report") and answers its refusals as HTTP statuses.
 */
@Injectable()
export class ReportsService {
  constructor(private readonly lifecycle: ReportLifecycle) {}

  view(user: SessionUser, year: number, query: ReportQuery): Promise<ReportDraftView> {
    return httpErrors(() => this.lifecycle.view(user, year, query));
  }

  putTexts(user: SessionUser, year: number, query: ReportQuery, body: PutReportTextsRequest) {
    return httpErrors(() => this.lifecycle.putTexts(user, year, query, body));
  }

  submit(user: SessionUser, year: number, query: ReportQuery, body: SubmitReportRequest) {
    return httpErrors(() => this.lifecycle.submit(user, year, query, body));
  }

  approve(user: SessionUser, year: number, query: ReportQuery, body: ApproveReportRequest) {
    return httpErrors(() => this.lifecycle.approve(user, year, query, body));
  }

  returnDraft(user: SessionUser, year: number, query: ReportQuery, body: ReturnReportRequest) {
    return httpErrors(() => this.lifecycle.returnDraft(user, year, query, body));
  }

  publish(user: SessionUser, year: number, query: ReportQuery, body: PublishReportRequest) {
    return httpErrors(() => this.lifecycle.publish(user, year, query, body));
  }

  versions(user: SessionUser, year: number, query: ReportQuery) {
    return httpErrors(() => this.lifecycle.versions(user, year, query));
  }

  /** A published version's stored rendering, or the live draft rendered now. */
  async download(user: SessionUser, year: number, query: ReportDownloadQuery) {
    return streamed(await httpErrors(() => this.lifecycle.download(user, year, query)));
  }
}

import type { DataSource } from 'typeorm';
import {
  attachmentKindLabel,
  type AttachmentDownloadRow,
  type AttachmentDownloadsQuery,
  type AttachmentView,
  type Page,
} from '@gongkai/contracts';
import { AttachmentsRepository } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';
import type { ReadCase } from '../cases/read-case.use-case';
import { attachmentNotFound, attachmentView } from './attachment-view';

export interface AttachmentContent {
  readonly fileName: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly content: Buffer;
}

/** The files of a case file as the desk reads them, and who downloaded them. */
export class ReadAttachments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: ReadCase,
  ) {}

  async list(reader: CaseReader, caseId: string): Promise<AttachmentView[]> {
    const c = await this.cases.find(reader, caseId);
    const rows = await new AttachmentsRepository(this.dataSource.manager).ofCase(c.id);
    return rows.map(attachmentView);
  }

  /**
   * The file itself; withdrawn files too, since the auditor must see what was filed. The download
   * is recorded first (DESIGN.md, Security: ID scans are read as accountably as identity numbers
   * are revealed); when it cannot be recorded, the error leaves instead of the file.
   */
  async content(
    reader: CaseReader,
    caseId: string,
    attachmentId: string,
  ): Promise<AttachmentContent> {
    const c = await this.cases.find(reader, caseId);
    const repo = new AttachmentsRepository(this.dataSource.manager);
    const found = await repo.withContent(c.id, attachmentId);
    if (!found) throw attachmentNotFound();
    await repo.recordDownload({
      attachmentId: found.id,
      caseId: c.id,
      agencyId: c.agencyId,
      userId: reader.id,
    });
    return {
      fileName: found.fileName,
      mediaType: found.mediaType,
      sha256: found.sha256,
      content: found.content,
    };
  }

  /** Who downloaded which attachment, in the reader's scope, newest first. */
  async downloads(
    reader: CaseReader,
    query: AttachmentDownloadsQuery,
  ): Promise<Page<AttachmentDownloadRow>> {
    const { rows, total } = await new AttachmentsRepository(this.dataSource.manager).downloads(
      reader.scopeAgencyIds,
      query.caseId ?? null,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        caseRef: r.case_ref,
        attachmentId: r.attachment_id,
        fileName: r.file_name,
        kind: r.kind,
        kindLabel: attachmentKindLabel(r.kind),
        user: { id: r.user_id, displayName: r.user_name },
        downloadedAt: new Date(r.downloaded_at).toISOString(),
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

import { Injectable } from '@nestjs/common';
import type {
  AttachmentDownloadRow,
  AttachmentDownloadsQuery,
  AttachmentView,
  Page,
  UploadAttachmentRequest,
} from '@gongkai/contracts';
import { AttachFile, ReadAttachments, type AttachmentContent } from '@gongkai/application';
import { type SessionUser } from '../auth/session-user';
import { httpErrors } from '../cases/case-http-errors';

/** The files of a case file: each route calls its use case and answers refusals as HTTP. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly reads: ReadAttachments,
    private readonly files: AttachFile,
  ) {}

  list(user: SessionUser, caseId: string): Promise<AttachmentView[]> {
    return httpErrors(() => this.reads.list(user, caseId));
  }

  content(user: SessionUser, caseId: string, attachmentId: string): Promise<AttachmentContent> {
    return httpErrors(() => this.reads.content(user, caseId, attachmentId));
  }

  downloads(
    user: SessionUser,
    query: AttachmentDownloadsQuery,
  ): Promise<Page<AttachmentDownloadRow>> {
    return httpErrors(() => this.reads.downloads(user, query));
  }

  upload(
    user: SessionUser,
    caseId: string,
    body: UploadAttachmentRequest,
  ): Promise<AttachmentView> {
    return httpErrors(() => this.files.upload(user, caseId, body));
  }

  withdraw(
    user: SessionUser,
    caseId: string,
    attachmentId: string,
    reason: string,
  ): Promise<AttachmentView> {
    return httpErrors(() => this.files.withdraw(user, caseId, attachmentId, reason));
  }
}

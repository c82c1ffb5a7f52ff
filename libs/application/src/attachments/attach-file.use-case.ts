import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MEDIA_TYPES,
  fileExtension,
  type AttachmentView,
  type UploadAttachmentRequest,
} from '@gongkai/contracts';
import { AttachmentsRepository, CaseError, isUuid, type CaseEntity } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';
import type { JournalNote } from '../cases/add-case-note.use-case';
import type { CaseTransitionService } from '../cases/case-transition.service';
import type { ReadCase } from '../cases/read-case.use-case';
import { contentMatches, mediaTypeLabel, sniffMediaType } from './attachment-content';
import { attachmentNotFound, attachmentView } from './attachment-view';

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** Bytes a padded base64 string decodes to, without decoding it. */
function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor(base64.length / 4) * 3 - padding;
}

/** The decoded file, or the refusal a clerk can act on; nothing is written before this passes. */
function checkedContent(body: UploadAttachmentRequest): Buffer {
  const name = body.fileName;
  if (decodedLength(body.contentBase64) > ATTACHMENT_MAX_BYTES) {
    throw new CaseError(
      'too_large',
      'attachment_too_large',
      `文件“${name}”有 ${megabytes(decodedLength(body.contentBase64))} MB，超过单个附件 ${megabytes(ATTACHMENT_MAX_BYTES)} MB 的上限，未保存；请压缩或分成几份上传`,
    );
  }
  const content = Buffer.from(body.contentBase64, 'base64');
  if (content.length === 0) {
    throw new CaseError('invalid', 'attachment_empty', `文件“${name}”是空文件，未保存`);
  }
  const type = ATTACHMENT_MEDIA_TYPES.find((t) => t.mediaType === body.mediaType);
  const extensions: readonly string[] = type?.extensions ?? [];
  if (!extensions.includes(fileExtension(name))) {
    throw new CaseError(
      'refused',
      'attachment_extension_mismatch',
      `文件名“${name}”的扩展名与文件类型 ${mediaTypeLabel(body.mediaType)} 不符（应为 ${extensions.map((e) => `.${e}`).join(' 或 ')}），未保存`,
    );
  }
  const sniffed = sniffMediaType(content);
  if (!contentMatches(body.mediaType, sniffed)) {
    throw new CaseError(
      'refused',
      'attachment_content_mismatch',
      `文件“${name}”的内容不是 ${mediaTypeLabel(body.mediaType)} 文件（实际为：${mediaTypeLabel(sniffed)}），可能是改了扩展名的文件，未保存`,
    );
  }
  return content;
}

/**
 * Files a case file receives and withdraws. Each upload and withdrawal is journaled on the case
 * (hash-chained, with the file's name, kind, size and SHA-256, never its content) in the same
 * transaction as the row, so the journal and the files never disagree.
 */
export class AttachFile {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: ReadCase,
    private readonly transitions: CaseTransitionService,
  ) {}

  /** A case the reader may change: another agency's is not found, a supervised one forbidden. */
  private async writable(reader: CaseReader, caseId: string): Promise<CaseEntity> {
    const c = await this.cases.find(reader, caseId);
    if (!reader.writeAgencyIds.includes(c.agencyId)) {
      throw new CaseError('forbidden', 'read_only_scope', '您只能为本机关的案件上传或撤回附件');
    }
    return c;
  }

  /** The file's journal row, written by the clerk in the transaction of the attachment row. */
  private async journal(
    m: EntityManager,
    reader: CaseReader,
    caseId: string,
    note: JournalNote,
  ): Promise<void> {
    await this.transitions.appendNote(
      caseId,
      note,
      { id: reader.id, role: 'clerk' },
      { manager: m, agencyIds: reader.writeAgencyIds },
    );
  }

  private async one(caseId: string, id: string): Promise<AttachmentView> {
    const row = await new AttachmentsRepository(this.dataSource.manager).one(caseId, id);
    if (!row) throw attachmentNotFound();
    return attachmentView(row);
  }

  async upload(
    reader: CaseReader,
    caseId: string,
    body: UploadAttachmentRequest,
  ): Promise<AttachmentView> {
    const c = await this.writable(reader, caseId);
    const content = checkedContent(body);
    const id = randomUUID();
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.dataSource.transaction(async (m) => {
      await this.journal(m, reader, c.id, {
        type: 'ATTACHMENT_ADDED',
        payload: {
          attachmentId: id,
          fileName: body.fileName,
          kind: body.kind,
          mediaType: body.mediaType,
          sizeBytes: content.length,
          sha256,
        },
      });
      await new AttachmentsRepository(m).insert({
        id,
        caseId: c.id,
        agencyId: c.agencyId,
        fileName: body.fileName,
        mediaType: body.mediaType,
        sizeBytes: content.length,
        sha256,
        content,
        kind: body.kind,
        note: body.note || null,
        uploadedBy: reader.id,
        uploadedAt: new Date(),
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawalReason: null,
      });
    });
    return this.one(c.id, id);
  }

  /** Marks a file withdrawn (once); the row and its content stay for the auditor. */
  async withdraw(
    reader: CaseReader,
    caseId: string,
    attachmentId: string,
    reason: string,
  ): Promise<AttachmentView> {
    const c = await this.writable(reader, caseId);
    if (!isUuid(attachmentId)) throw attachmentNotFound();
    await this.dataSource.transaction(async (m) => {
      const repo = new AttachmentsRepository(m);
      // Locks the attachment before the case; uploads lock only the case, so no cycle.
      const row = await repo.lockForWithdrawal(c.id, attachmentId);
      if (!row) throw attachmentNotFound();
      if (row.withdrawn_at) {
        throw new CaseError(
          'conflict',
          'attachment_already_withdrawn',
          `附件“${row.file_name}”已经撤回，不能再次撤回`,
        );
      }
      await this.journal(m, reader, c.id, {
        type: 'ATTACHMENT_WITHDRAWN',
        payload: {
          attachmentId: row.id,
          fileName: row.file_name,
          kind: row.kind,
          mediaType: row.media_type,
          sizeBytes: row.size_bytes,
          sha256: row.sha256,
          reason,
        },
      });
      await repo.markWithdrawn(row.id, reader.id, reason, new Date());
    });
    return this.one(c.id, attachmentId);
  }
}

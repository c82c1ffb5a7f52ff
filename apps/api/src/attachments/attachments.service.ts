import { createHash, randomUUID } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MEDIA_TYPES,
  attachmentKindLabel,
  fileExtension,
  type AttachmentDownloadRow,
  type AttachmentDownloadsQuery,
  type AttachmentView,
  type Page,
  type UploadAttachmentRequest,
} from '@gongkai/contracts';
import {
  AttachmentDownloadEntity,
  CaseAttachmentEntity,
  isUuid,
  type CaseEntity,
} from '@gongkai/persistence';
import { CaseTransitionService } from '@gongkai/application';
import { type SessionUser } from '../auth/session-user';
import { httpErrors } from '../cases/case-http-errors';
import { CasesService } from '../cases/cases.service';
import { contentMatches, mediaTypeLabel, sniffMediaType } from './attachment-content';

interface AttachmentRow {
  id: string;
  case_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  kind: string;
  note: string | null;
  uploaded_by: string;
  uploaded_by_name: string | null;
  uploaded_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawn_by_name: string | null;
  withdrawal_reason: string | null;
}

const ROW_SQL = `
  SELECT a.id, a.case_id, a.file_name, a.media_type, a.size_bytes, a.sha256, a.kind, a.note,
         a.uploaded_by, u.display_name AS uploaded_by_name, a.uploaded_at,
         a.withdrawn_at, a.withdrawn_by, w.display_name AS withdrawn_by_name, a.withdrawal_reason
    FROM case_attachments a
    LEFT JOIN users u ON u.id = a.uploaded_by
    LEFT JOIN users w ON w.id = a.withdrawn_by`;

function toView(r: AttachmentRow): AttachmentView {
  return {
    id: r.id,
    caseId: r.case_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    kind: r.kind,
    kindLabel: attachmentKindLabel(r.kind),
    note: r.note,
    uploadedBy: { id: r.uploaded_by, displayName: r.uploaded_by_name },
    uploadedAt: new Date(r.uploaded_at).toISOString(),
    withdrawn:
      r.withdrawn_at && r.withdrawn_by
        ? {
            at: new Date(r.withdrawn_at).toISOString(),
            by: { id: r.withdrawn_by, displayName: r.withdrawn_by_name },
            reason: r.withdrawal_reason ?? '',
          }
        : null,
  };
}

interface DownloadRow {
  id: string;
  case_id: string;
  case_ref: string;
  attachment_id: string;
  file_name: string;
  kind: string;
  user_id: string;
  user_name: string | null;
  downloaded_at: Date;
}

const notFound = () =>
  new NotFoundException({ message: '附件不存在', code: 'attachment_not_found' });

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** Bytes a padded base64 string decodes to, without decoding it. */
function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor(base64.length / 4) * 3 - padding;
}

/**
 * The files of a case file. Each upload and withdrawal is journaled on the case (hash-chained,
 * with the file's name, kind, size and SHA-256, never its content) in the same transaction as
 * the row, so the journal and the files never disagree.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly transitions: CaseTransitionService,
  ) {}

  async list(user: SessionUser, caseId: string): Promise<AttachmentView[]> {
    const c = await this.cases.findInScope(user, caseId);
    const rows = (await this.db.query(
      `${ROW_SQL} WHERE a.case_id = $1 ORDER BY a.uploaded_at, a.id`,
      [c.id],
    )) as AttachmentRow[];
    return rows.map(toView);
  }

  /**
   * The file itself; withdrawn files too, since the auditor must see what was filed. The download
   * is recorded first (DESIGN.md, Security: ID scans are read as accountably as identity numbers
   * are revealed); when it cannot be recorded, the error leaves instead of the file.
   */
  async content(
    user: SessionUser,
    caseId: string,
    attachmentId: string,
  ): Promise<{ fileName: string; mediaType: string; sha256: string; content: Buffer }> {
    const c = await this.cases.findInScope(user, caseId);
    const found = await this.db
      .getRepository(CaseAttachmentEntity)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :id AND a.case_id = :caseId', { id: attachmentId, caseId: c.id })
      .getOne();
    if (!found) throw notFound();
    await this.db.getRepository(AttachmentDownloadEntity).insert({
      attachmentId: found.id,
      caseId: c.id,
      agencyId: c.agencyId,
      userId: user.id,
    });
    return {
      fileName: found.fileName,
      mediaType: found.mediaType,
      sha256: found.sha256,
      content: found.content,
    };
  }

  /** Who downloaded which attachment, in the user's read scope, newest first. */
  async downloads(
    user: SessionUser,
    query: AttachmentDownloadsQuery,
  ): Promise<Page<AttachmentDownloadRow>> {
    const params: unknown[] = [user.scopeAgencyIds, query.caseId ?? null];
    const filter = 'd.agency_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR d.case_id = $2::uuid)';
    const [counted, rows] = await Promise.all([
      this.db.query(
        `SELECT count(*)::int AS total FROM attachment_downloads d WHERE ${filter}`,
        params,
      ) as Promise<{ total: number }[]>,
      this.db.query(
        `SELECT d.id::text AS id, d.case_id, c.ref AS case_ref, d.attachment_id, a.file_name,
                a.kind, d.user_id, u.display_name AS user_name, d.downloaded_at
           FROM attachment_downloads d
           JOIN cases c ON c.id = d.case_id
           JOIN case_attachments a ON a.id = d.attachment_id
           LEFT JOIN users u ON u.id = d.user_id
          WHERE ${filter}
          ORDER BY d.downloaded_at DESC, d.id DESC
          LIMIT $3 OFFSET $4`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ) as Promise<DownloadRow[]>,
    ]);
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
      total: counted[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async upload(
    user: SessionUser,
    caseId: string,
    body: UploadAttachmentRequest,
  ): Promise<AttachmentView> {
    const c = await this.writable(user, caseId);
    const content = this.checkedContent(body);
    const id = randomUUID();
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.db.transaction(async (m) => {
      await httpErrors(() =>
        this.transitions.appendNote(
          c.id,
          {
            type: 'ATTACHMENT_ADDED',
            payload: {
              attachmentId: id,
              fileName: body.fileName,
              kind: body.kind,
              mediaType: body.mediaType,
              sizeBytes: content.length,
              sha256,
            },
          },
          { id: user.id, role: 'clerk' },
          { manager: m, agencyIds: user.writeAgencyIds },
        ),
      );
      await m.insert(CaseAttachmentEntity, {
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
        uploadedBy: user.id,
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
    user: SessionUser,
    caseId: string,
    attachmentId: string,
    reason: string,
  ): Promise<AttachmentView> {
    const c = await this.writable(user, caseId);
    if (!isUuid(attachmentId)) throw notFound();
    await this.db.transaction(async (m) => {
      // Locks the attachment before the case; uploads lock only the case, so no cycle.
      const [row] = (await m.query(
        `SELECT id, file_name, kind, media_type, size_bytes, sha256, withdrawn_at
           FROM case_attachments WHERE id = $1 AND case_id = $2 FOR UPDATE`,
        [attachmentId, c.id],
      )) as Pick<
        AttachmentRow,
        'id' | 'file_name' | 'kind' | 'media_type' | 'size_bytes' | 'sha256' | 'withdrawn_at'
      >[];
      if (!row) throw notFound();
      if (row.withdrawn_at) {
        throw new ConflictException({
          message: `附件“${row.file_name}”已经撤回，不能再次撤回`,
          code: 'attachment_already_withdrawn',
        });
      }
      await httpErrors(() =>
        this.transitions.appendNote(
          c.id,
          {
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
          },
          { id: user.id, role: 'clerk' },
          { manager: m, agencyIds: user.writeAgencyIds },
        ),
      );
      await m.update(
        CaseAttachmentEntity,
        { id: row.id },
        { withdrawnAt: new Date(), withdrawnBy: user.id, withdrawalReason: reason },
      );
    });
    return this.one(c.id, attachmentId);
  }

  /** A case the user may change: another agency's is 404, a supervised one 403 (as for events). */
  private async writable(user: SessionUser, caseId: string): Promise<CaseEntity> {
    const c = await this.cases.findInScope(user, caseId);
    if (!user.writeAgencyIds.includes(c.agencyId)) {
      throw new ForbiddenException({
        message: '您只能为本机关的案件上传或撤回附件',
        code: 'read_only_scope',
      });
    }
    return c;
  }

  /** The decoded file, or the 4xx a clerk can act on; nothing is written before this passes. */
  private checkedContent(body: UploadAttachmentRequest): Buffer {
    const name = body.fileName;
    if (decodedLength(body.contentBase64) > ATTACHMENT_MAX_BYTES) {
      throw new PayloadTooLargeException({
        message: `文件“${name}”有 ${megabytes(decodedLength(body.contentBase64))} MB，超过单个附件 ${megabytes(ATTACHMENT_MAX_BYTES)} MB 的上限，未保存；请压缩或分成几份上传`,
        code: 'attachment_too_large',
      });
    }
    const content = Buffer.from(body.contentBase64, 'base64');
    if (content.length === 0) {
      throw new BadRequestException({
        message: `文件“${name}”是空文件，未保存`,
        code: 'attachment_empty',
      });
    }
    const type = ATTACHMENT_MEDIA_TYPES.find((t) => t.mediaType === body.mediaType);
    const extensions: readonly string[] = type?.extensions ?? [];
    if (!extensions.includes(fileExtension(name))) {
      throw new UnprocessableEntityException({
        message: `文件名“${name}”的扩展名与文件类型 ${mediaTypeLabel(body.mediaType)} 不符（应为 ${extensions.map((e) => `.${e}`).join(' 或 ')}），未保存`,
        code: 'attachment_extension_mismatch',
      });
    }
    const sniffed = sniffMediaType(content);
    if (!contentMatches(body.mediaType, sniffed)) {
      throw new UnprocessableEntityException({
        message: `文件“${name}”的内容不是 ${mediaTypeLabel(body.mediaType)} 文件（实际为：${mediaTypeLabel(sniffed)}），可能是改了扩展名的文件，未保存`,
        code: 'attachment_content_mismatch',
      });
    }
    return content;
  }

  private async one(caseId: string, id: string): Promise<AttachmentView> {
    const [row] = (await this.db.query(`${ROW_SQL} WHERE a.case_id = $1 AND a.id = $2`, [
      caseId,
      id,
    ])) as AttachmentRow[];
    if (!row) throw notFound();
    return toView(row);
  }
}

import type { EntityManager } from 'typeorm';
import { AttachmentDownloadEntity } from '../entities/attachment-download.entity';
import { CaseAttachmentEntity } from '../entities/case-attachment.entity';

/** An attachment with its uploader's and withdrawer's names, as the case file lists it. */
export interface AttachmentRow {
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

/** One recorded download, with the case's ref and the reader's name. */
export interface AttachmentDownloadRecord {
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

/** What a withdrawal journals about the file it withdraws. */
export type WithdrawnAttachment = Pick<
  AttachmentRow,
  'id' | 'file_name' | 'kind' | 'media_type' | 'size_bytes' | 'sha256' | 'withdrawn_at'
>;

const ROW_SQL = `
  SELECT a.id, a.case_id, a.file_name, a.media_type, a.size_bytes, a.sha256, a.kind, a.note,
         a.uploaded_by, u.display_name AS uploaded_by_name, a.uploaded_at,
         a.withdrawn_at, a.withdrawn_by, w.display_name AS withdrawn_by_name, a.withdrawal_reason
    FROM case_attachments a
    LEFT JOIN users u ON u.id = a.uploaded_by
    LEFT JOIN users w ON w.id = a.withdrawn_by`;

/** The files of case files and the record of who downloaded them. */
export class AttachmentsRepository {
  constructor(private readonly m: EntityManager) {}

  async ofCase(caseId: string): Promise<AttachmentRow[]> {
    return (await this.m.query(`${ROW_SQL} WHERE a.case_id = $1 ORDER BY a.uploaded_at, a.id`, [
      caseId,
    ])) as AttachmentRow[];
  }

  async one(caseId: string, id: string): Promise<AttachmentRow | null> {
    const [row] = (await this.m.query(`${ROW_SQL} WHERE a.case_id = $1 AND a.id = $2`, [
      caseId,
      id,
    ])) as AttachmentRow[];
    return row ?? null;
  }

  /** The attachment with its content (a column not selected by default). */
  withContent(caseId: string, id: string): Promise<CaseAttachmentEntity | null> {
    return this.m
      .getRepository(CaseAttachmentEntity)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :id AND a.case_id = :caseId', { id, caseId })
      .getOne();
  }

  async recordDownload(row: Omit<AttachmentDownloadEntity, 'id' | 'downloadedAt'>): Promise<void> {
    await this.m.getRepository(AttachmentDownloadEntity).insert(row);
  }

  /** Downloads in the agencies (of one case when given), newest first, one page and the total. */
  async downloads(
    agencyIds: readonly string[],
    caseId: string | null,
    limit: number,
    offset: number,
  ): Promise<{ rows: AttachmentDownloadRecord[]; total: number }> {
    const params: unknown[] = [agencyIds, caseId];
    const filter = 'd.agency_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR d.case_id = $2::uuid)';
    const [counted, rows] = await Promise.all([
      this.m.query(
        `SELECT count(*)::int AS total FROM attachment_downloads d WHERE ${filter}`,
        params,
      ) as Promise<{ total: number }[]>,
      this.m.query(
        `SELECT d.id::text AS id, d.case_id, c.ref AS case_ref, d.attachment_id, a.file_name,
                a.kind, d.user_id, u.display_name AS user_name, d.downloaded_at
           FROM attachment_downloads d
           JOIN cases c ON c.id = d.case_id
           JOIN case_attachments a ON a.id = d.attachment_id
           LEFT JOIN users u ON u.id = d.user_id
          WHERE ${filter}
          ORDER BY d.downloaded_at DESC, d.id DESC
          LIMIT $3 OFFSET $4`,
        [...params, limit, offset],
      ) as Promise<AttachmentDownloadRecord[]>,
    ]);
    return { rows, total: counted[0]?.total ?? 0 };
  }

  async insert(row: CaseAttachmentEntity): Promise<void> {
    await this.m.insert(CaseAttachmentEntity, row);
  }

  /** Locks the attachment for its withdrawal (inside the caller's transaction). */
  async lockForWithdrawal(caseId: string, id: string): Promise<WithdrawnAttachment | null> {
    const [row] = (await this.m.query(
      `SELECT id, file_name, kind, media_type, size_bytes, sha256, withdrawn_at
         FROM case_attachments WHERE id = $1 AND case_id = $2 FOR UPDATE`,
      [id, caseId],
    )) as WithdrawnAttachment[];
    return row ?? null;
  }

  async markWithdrawn(id: string, by: string, reason: string, at: Date): Promise<void> {
    await this.m.update(
      CaseAttachmentEntity,
      { id },
      { withdrawnAt: at, withdrawnBy: by, withdrawalReason: reason },
    );
  }
}

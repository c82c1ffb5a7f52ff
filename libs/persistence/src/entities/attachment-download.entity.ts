import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who downloaded which case attachment, and when (DESIGN.md, Security): scans of identity
 * documents are read as rarely and as accountably as identity numbers are revealed. Append-only.
 */
@Entity({ name: 'attachment_downloads' })
export class AttachmentDownloadEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'attachment_id', type: 'uuid' })
  attachmentId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** Set by the database (DEFAULT now()), so the time is the server's, not the caller's. */
  @Column({ name: 'downloaded_at', type: 'timestamptz', default: () => 'now()' })
  downloadedAt!: Date;
}

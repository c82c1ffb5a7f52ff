import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A file filed with a case (申请书, 身份证明, 补正材料, 送达回证 …). Evidence: never updated or
 * deleted; a withdrawal only sets the withdrawn_* marker (the database enforces both).
 */
@Entity({ name: 'case_attachments' })
export class CaseAttachmentEntity {
  // Chosen by the service, so the journal row that records the upload can name it.
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  /** SHA-256 of the content, lower-case hex. */
  @Column({ type: 'text' })
  sha256!: string;

  /** Up to 20 MB: loaded only when asked for by name, never with a list. */
  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy!: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ReportStatusValue = 'draft' | 'submitted' | 'approved' | 'published';

/**
 * The texts a clerk writes: the preamble, the five parts of 一 (regulation.md §1.1), 五 and 六.
 * Kept in the contracts' `ReportTexts` shape; the numbers are never stored here.
 */
export type StoredReportTexts = Record<string, unknown>;

/** The working copy of one agency's annual report for one year (the draft and its lifecycle). */
@Entity({ name: 'reports' })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  format!: '2019' | '2021';

  @Column({ type: 'text', default: 'draft' })
  status!: ReportStatusValue;

  @Column({ type: 'jsonb' })
  texts!: StoredReportTexts;

  /** Why this year's 上年结转 may differ from last year's published 结转下年度 (I5). */
  @Column({ name: 'cross_year_note', type: 'text', nullable: true })
  crossYearNote!: string | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  /** The leader's comment when returning the draft (or approving with a remark). */
  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment!: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  /** 0 until first published; then the number of the latest version. */
  @Column({ name: 'latest_version', type: 'int', default: 0 })
  latestVersion!: number;

  /** Bumped on every change; a stale `expectedRevision` is a 409. */
  @Column({ type: 'int', default: 1 })
  revision!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type NotificationKind =
  'answer_due_soon' | 'answer_overdue' | 'supplement_notice_due' | 'journal_failed';

/**
 * An alert (预警/督办) for one person about one case: its deadline, or (journal_failed) the nightly
 * journal verification naming it.
 */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt!: Date | null;

  @Column({ name: 'email_failures', type: 'int', default: 0 })
  emailFailures!: number;
}

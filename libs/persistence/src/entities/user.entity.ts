import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type UserRole = 'clerk' | 'leader' | 'auditor' | 'admin';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** argon2id hash. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text', array: true })
  roles!: UserRole[];

  /** Where alerts (预警/督办) are e-mailed when SMTP is configured. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  /** A supervising user (主管部门) reads the whole subtree of its agency. */
  @Column({ name: 'subtree_scope', type: 'boolean', default: false })
  subtreeScope!: boolean;

  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** When the password was last set (PASSWORD_MAX_AGE_DAYS); its history is password_history. */
  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

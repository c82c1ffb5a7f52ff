import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseDeadlines, CaseFlags, PersistedCaseSnapshot } from '@gongkai/domain';

export type CaseOrigin = 'desk' | 'import' | 'demo' | 'online';

/** One application (件): registration facts, the machine snapshot and columns for queries. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  ref!: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'applicant_category', type: 'text' })
  applicantCategory!: string;

  @Column({ name: 'applicant_name', type: 'text', nullable: true })
  applicantName!: string | null;

  @Column({ name: 'applicant_phone', type: 'text', nullable: true })
  applicantPhone!: string | null;

  @Column({ name: 'applicant_email', type: 'text', nullable: true })
  applicantEmail!: string | null;

  @Column({ name: 'applicant_address', type: 'text', nullable: true })
  applicantAddress!: string | null;

  @Column({ name: 'applicant_identity_cipher', type: 'text', nullable: true })
  applicantIdentityCipher!: string | null;

  @Column({ name: 'applicant_identity_hint', type: 'text', nullable: true })
  applicantIdentityHint!: string | null;

  /** 统一社会信用代码 of an organisation applicant (GB 32100-2015); public, so not encrypted. */
  @Column({ name: 'applicant_credit_code', type: 'text', nullable: true })
  applicantCreditCode!: string | null;

  /** 法定代表人或联系人 of an organisation applicant. */
  @Column({ name: 'applicant_contact', type: 'text', nullable: true })
  applicantContact!: string | null;

  @Column({ name: 'request_text', type: 'text', nullable: true })
  requestText!: string | null;

  @Column({ name: 'requested_form', type: 'text', nullable: true })
  requestedForm!: string | null;

  @Column({ type: 'text', default: 'desk' })
  origin!: CaseOrigin;

  @Column({ name: 'machine_id', type: 'text' })
  machineId!: string;

  @Column({ name: 'machine_version', type: 'int' })
  machineVersion!: number;

  @Column({ type: 'jsonb' })
  snapshot!: PersistedCaseSnapshot;

  @Column({ type: 'text' })
  state!: string;

  /** The fee region (machine v2): none, awaiting, paid; unpaid once closed as other.fee_unpaid. */
  @Column({ name: 'fee_state', type: 'text', default: 'none' })
  feeState!: string;

  @Column({ name: 'extension_state', type: 'text' })
  extensionState!: string;

  @Column({ type: 'boolean', default: false })
  closed!: boolean;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn!: string | null;

  @Column({ name: 'served_on', type: 'date', nullable: true })
  servedOn!: string | null;

  @Column({ type: 'jsonb' })
  flags!: CaseFlags;

  @Column({ type: 'jsonb' })
  deadlines!: CaseDeadlines;

  @Column({ name: 'answer_due_on', type: 'date', nullable: true })
  answerDueOn!: string | null;

  @Column({ name: 'next_due_on', type: 'date', nullable: true })
  nextDueOn!: string | null;

  /**
   * The 经办人: a clerk of the case's agency, set at registration and changed only by a journaled
   * reassignment (ASSIGNEE_CHANGED). Null for online applications until a leader assigns one.
   */
  @Column({ name: 'assigned_clerk_id', type: 'uuid', nullable: true })
  assignedClerkId!: string | null;

  /** Equals the number of journal rows: every change appends one and adds one. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'query_code', type: 'text' })
  queryCode!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

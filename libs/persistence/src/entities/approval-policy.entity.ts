import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many leader approvals a decision of this agency needs (read when a case is registered). */
@Entity({ name: 'approval_policies' })
export class ApprovalPolicyEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'decision_steps', type: 'int', default: 1 })
  decisionSteps!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

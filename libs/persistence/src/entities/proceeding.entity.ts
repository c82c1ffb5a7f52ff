import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 行政复议 / 行政诉讼 about a disclosure decision (section 四). */
@Entity({ name: 'proceedings' })
export class ProceedingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'filed_on', type: 'date' })
  filedOn!: string;

  /** Null while pending (尚未审结). */
  @Column({ type: 'text', nullable: true })
  result!: string | null;

  @Column({ name: 'concluded_on', type: 'date', nullable: true })
  concludedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

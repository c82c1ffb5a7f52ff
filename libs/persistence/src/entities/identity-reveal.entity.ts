import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who saw an applicant's full identity number, and when (DESIGN.md, Security). */
@Entity({ name: 'identity_reveals' })
export class IdentityRevealEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'revealed_at', type: 'timestamptz' })
  revealedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarArrangement } from '@gongkai/domain';

/** A State Council holiday arrangement loaded by an administrator (Project rule 16). */
@Entity({ name: 'calendar_years' })
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'jsonb' })
  arrangement!: CalendarArrangement;

  @Column({ name: 'loaded_by', type: 'uuid', nullable: true })
  loadedBy!: string | null;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt!: Date;
}

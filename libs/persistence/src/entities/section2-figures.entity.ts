import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Section 二 figures of one agency and year, in the report-json.md `section2` shape. */
@Entity({ name: 'section2_figures' })
export class Section2FiguresEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  format!: '2019' | '2021';

  @Column({ type: 'jsonb' })
  figures!: Record<string, Record<string, number | null>>;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

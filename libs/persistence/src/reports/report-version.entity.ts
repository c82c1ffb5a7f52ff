import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A published, immutable version of a report: the hashed JSON and its stored renderings. */
@Entity({ name: 'report_versions' })
export class ReportVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  format!: '2019' | '2021';

  /** The report JSON (report-json.md) byte for byte as hashed. */
  @Column({ type: 'text' })
  json!: string;

  /** SHA-256 of `json` (UTF-8), hex. */
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'text' })
  txt!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'bytea' })
  docx!: Buffer;

  @Column({ type: 'bytea' })
  xlsx!: Buffer;

  @Column({ name: 'csv_section3', type: 'text' })
  csvSection3!: string;

  @Column({ name: 'csv_section4', type: 'text' })
  csvSection4!: string;

  @Column({ name: 'change_note', type: 'text', nullable: true })
  changeNote!: string | null;

  @Column({ name: 'published_by', type: 'uuid' })
  publishedBy!: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}

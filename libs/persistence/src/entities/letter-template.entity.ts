import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agency's own wording of one letter kind (受理回执 … 送达回证), edited by its administrator. */
@Entity({ name: 'letter_templates' })
export class LetterTemplateEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  title!: string;

  /** Paragraphs with `{{placeholders}}`; a paragraph may be a `{{#list}}` of items. */
  @Column({ type: 'jsonb' })
  paragraphs!: string[];

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedLetterTemplates1764117000000 implements MigrationInterface {
  name = 'CreatedLetterTemplates1764117000000';

  async up(q: QueryRunner): Promise<void> {
    // An agency's wording of a letter; without a row the built-in template applies.
    await q.query(`
      CREATE TABLE letter_templates (
        agency_id uuid NOT NULL REFERENCES agencies(id),
        kind text NOT NULL CHECK (kind IN
          ('receipt', 'supplement', 'extension', 'consultation', 'fee', 'decision', 'service')),
        title text NOT NULL,
        paragraphs jsonb NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE letter_templates');
  }
}

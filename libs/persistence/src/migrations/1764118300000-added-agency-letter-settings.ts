import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letter settings of an agency: the contact person printed with the address and phone, and the
 * pattern of its 文号 (default `〔{year}〕第{n}号`). Numbers are given to a case's 答复书 once,
 * on its first final print, in sequence per agency and year; the table keeps them so a letter
 * printed again carries the same number.
 */
export class AddedAgencyLetterSettings1764118300000 implements MigrationInterface {
  name = 'AddedAgencyLetterSettings1764118300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE agencies ADD COLUMN contact text');
    await q.query('ALTER TABLE agencies ADD COLUMN letter_ref_pattern text');
    await q.query(`
      CREATE TABLE letter_numbers (
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        year int NOT NULL,
        number int NOT NULL CHECK (number > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, kind),
        UNIQUE (agency_id, year, kind, number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE letter_numbers');
    await q.query('ALTER TABLE agencies DROP COLUMN letter_ref_pattern');
    await q.query('ALTER TABLE agencies DROP COLUMN contact');
  }
}

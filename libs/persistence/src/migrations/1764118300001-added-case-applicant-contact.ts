import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation applies through a person: its 法定代表人 or 联系人 (Art. 29 (一)), whom the
 * agency calls about the application. Citizens apply in person, so the column stays null for them.
 */
export class AddedCaseApplicantContact1764118300001 implements MigrationInterface {
  name = 'AddedCaseApplicantContact1764118300001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases ADD COLUMN applicant_contact text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP COLUMN applicant_contact');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation applicant's 统一社会信用代码 (GB 32100-2015) is its identity proof under Art. 29
 * (一) of the 条例, kept beside the citizen's encrypted identity number. The code is public (it is
 * printed on the licence), so it is stored in clear. Cases registered before keep null: online
 * applications wrote the code into the request text, which stays as it was received.
 */
export class AddedCaseApplicantCreditCode1764117500000 implements MigrationInterface {
  name = 'AddedCaseApplicantCreditCode1764117500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases ADD COLUMN applicant_credit_code text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP COLUMN applicant_credit_code');
  }
}

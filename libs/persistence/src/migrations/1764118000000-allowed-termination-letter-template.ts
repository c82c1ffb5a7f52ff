import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = ['receipt', 'supplement', 'extension', 'consultation', 'fee', 'decision', 'service'];

/** An agency may word its 不再处理告知书 (letter kind `termination`) like the other letters. */
export class AllowedTerminationLetterTemplate1764118000000 implements MigrationInterface {
  name = 'AllowedTerminationLetterTemplate1764118000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE letter_templates DROP CONSTRAINT letter_templates_kind_check`);
    await q.query(
      `ALTER TABLE letter_templates ADD CONSTRAINT letter_templates_kind_check
         CHECK (kind IN (${[...KINDS, 'termination'].map((k) => `'${k}'`).join(', ')}))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM letter_templates WHERE kind = 'termination'`);
    await q.query(`ALTER TABLE letter_templates DROP CONSTRAINT letter_templates_kind_check`);
    await q.query(
      `ALTER TABLE letter_templates ADD CONSTRAINT letter_templates_kind_check
         CHECK (kind IN (${KINDS.map((k) => `'${k}'`).join(', ')}))`,
    );
  }
}

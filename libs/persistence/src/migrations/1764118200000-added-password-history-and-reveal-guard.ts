import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 等保2.0 三级 (GB/T 22239-2019 8.1.4.1): passwords changed periodically and not reused. Each
 * password a user had is kept as its argon2id hash, so the last five can be refused;
 * `password_changed_at` drives the optional PASSWORD_MAX_AGE_DAYS. Existing users' current
 * passwords start their history now.
 *
 * identity_reveals is the record of who saw an identity number: rows could not be changed or
 * deleted, but TRUNCATE (which fires no row trigger) emptied it; a statement trigger refuses it.
 */
export class AddedPasswordHistoryAndRevealGuard1764118200000 implements MigrationInterface {
  name = 'AddedPasswordHistoryAndRevealGuard1764118200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE users ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now()',
    );
    await q.query(`
      CREATE TABLE password_history (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        password_hash text NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await q.query(
      'CREATE INDEX password_history_user_idx ON password_history (user_id, changed_at DESC, id DESC)',
    );
    await q.query(`
      INSERT INTO password_history (user_id, password_hash, changed_at)
      SELECT id, password_hash, password_changed_at FROM users`);
    await q.query(`
      CREATE TRIGGER identity_reveals_no_truncate BEFORE TRUNCATE ON identity_reveals
      FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER identity_reveals_no_truncate ON identity_reveals');
    await q.query('DROP TABLE password_history');
    await q.query('ALTER TABLE users DROP COLUMN password_changed_at');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedSessions1764115300000 implements MigrationInterface {
  name = 'CreatedSessions1764115300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        ended_at timestamptz,
        ip text,
        user_agent text
      )`);
    await q.query('CREATE INDEX sessions_user_idx ON sessions (user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sessions');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedNotifications1764116500000 implements MigrationInterface {
  name = 'CreatedNotifications1764116500000';

  async up(q: QueryRunner): Promise<void> {
    // Where alert e-mails go; optional (alerts are always shown in the desk).
    await q.query('ALTER TABLE users ADD COLUMN IF NOT EXISTS email text');
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL
          CHECK (kind IN ('answer_due_soon', 'answer_overdue', 'supplement_notice_due')),
        due_on date NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        emailed_at timestamptz,
        email_failures int NOT NULL DEFAULT 0,
        -- One alert per person, kind, case and due date: a re-run, a retried job or a second
        -- worker adds nothing; a moved deadline (extension) is a new alert.
        UNIQUE (user_id, kind, case_id, due_on)
      )`);
    await q.query(
      'CREATE INDEX notifications_user_unread_idx ON notifications (user_id, (read_at IS NULL), created_at DESC)',
    );
    await q.query(
      'CREATE INDEX notifications_unsent_idx ON notifications (created_at) WHERE emailed_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notifications');
    await q.query('ALTER TABLE users DROP COLUMN IF EXISTS email');
  }
}

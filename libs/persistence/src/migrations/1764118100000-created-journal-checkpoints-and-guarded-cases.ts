import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed journal checkpoints (append-only, like the journal) and the guard on `cases`: the case
 * row is a cache of its journal (DESIGN.md, Journal), so it may be written only by the transition
 * path, which sets `gongkai.transition` for its transaction (allowCaseWrites), and never deleted.
 * A superuser can still switch triggers off; the replay audit and the checkpoints catch that.
 */
export class CreatedJournalCheckpointsAndGuardedCases1764118100000 implements MigrationInterface {
  name = 'CreatedJournalCheckpointsAndGuardedCases1764118100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE journal_checkpoints (
        id bigserial PRIMARY KEY,
        agency_id uuid REFERENCES agencies(id),
        agency_code text,
        taken_at timestamptz NOT NULL,
        case_count int NOT NULL,
        event_count bigint NOT NULL,
        merkle_root text NOT NULL,
        entries jsonb NOT NULL,
        public_key text NOT NULL,
        key_fingerprint text NOT NULL,
        signature text NOT NULL
      )`);
    await q.query(
      'CREATE INDEX journal_checkpoints_scope_idx ON journal_checkpoints (agency_id, taken_at DESC)',
    );
    await q.query(`
      CREATE TRIGGER journal_checkpoints_append_only BEFORE UPDATE OR DELETE ON journal_checkpoints
      FOR EACH ROW EXECUTE FUNCTION journal_append_only()`);
    await q.query(`
      CREATE TRIGGER journal_checkpoints_no_truncate BEFORE TRUNCATE ON journal_checkpoints
      FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only()`);

    await q.query(`
      CREATE FUNCTION cases_transition_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' THEN
          RAISE EXCEPTION 'cases: % refused (a case is never deleted)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF coalesce(current_setting('gongkai.transition', true), '') <> 'on' THEN
          RAISE EXCEPTION 'cases: UPDATE outside the transition path refused'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER cases_transition_only BEFORE UPDATE OR DELETE ON cases
      FOR EACH ROW EXECUTE FUNCTION cases_transition_only()`);
    await q.query(`
      CREATE TRIGGER cases_no_truncate BEFORE TRUNCATE ON cases
      FOR EACH STATEMENT EXECUTE FUNCTION cases_transition_only()`);

    // 督办 to the agency's auditors and administrators when the nightly verification fails.
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
      ADD CONSTRAINT notifications_kind_check CHECK (kind IN
        ('answer_due_soon', 'answer_overdue', 'supplement_notice_due', 'journal_failed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'journal_failed'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
      ADD CONSTRAINT notifications_kind_check CHECK (kind IN
        ('answer_due_soon', 'answer_overdue', 'supplement_notice_due'))`);
    await q.query('DROP TRIGGER cases_no_truncate ON cases');
    await q.query('DROP TRIGGER cases_transition_only ON cases');
    await q.query('DROP FUNCTION cases_transition_only()');
    await q.query('DROP TABLE journal_checkpoints');
  }
}

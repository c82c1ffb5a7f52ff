import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedCasesAndJournal1764115400000 implements MigrationInterface {
  name = 'CreatedCasesAndJournal1764115400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        ref text NOT NULL CHECK (length(ref) > 0),
        received_on date NOT NULL,
        channel text NOT NULL,
        applicant_category text NOT NULL,
        applicant_name text,
        applicant_phone text,
        applicant_email text,
        applicant_address text,
        -- AES-256-GCM ciphertext (key id, iv, tag, data); the clear number is never stored.
        applicant_identity_cipher text,
        applicant_identity_hint text,
        request_text text,
        requested_form text,
        origin text NOT NULL DEFAULT 'desk' CHECK (origin IN ('desk', 'import', 'demo', 'online')),
        machine_id text NOT NULL,
        machine_version int NOT NULL,
        snapshot jsonb NOT NULL,
        state text NOT NULL,
        extension_state text NOT NULL,
        closed boolean NOT NULL DEFAULT false,
        outcome text,
        decided_on date,
        served_on date,
        flags jsonb NOT NULL DEFAULT '{}'::jsonb,
        deadlines jsonb NOT NULL,
        answer_due_on date,
        next_due_on date,
        assigned_clerk_id uuid REFERENCES users(id),
        version int NOT NULL DEFAULT 1 CHECK (version >= 1),
        query_code text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agency_id, ref),
        CHECK (NOT closed OR outcome IS NOT NULL),
        CHECK ((outcome IS NULL) = (decided_on IS NULL))
      )`);
    await q.query('CREATE INDEX cases_agency_received_idx ON cases (agency_id, received_on DESC)');
    await q.query('CREATE INDEX cases_agency_state_idx ON cases (agency_id, state)');
    await q.query('CREATE INDEX cases_agency_decided_idx ON cases (agency_id, decided_on)');
    // The deadline sweep scans open cases by their next due date (SKIP LOCKED).
    await q.query('CREATE INDEX cases_open_next_due_idx ON cases (next_due_on) WHERE NOT closed');
    await q.query(
      'CREATE INDEX cases_open_answer_due_idx ON cases (answer_due_on) WHERE NOT closed',
    );

    await q.query(`
      CREATE TABLE case_events (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        seq int NOT NULL CHECK (seq >= 1),
        type text NOT NULL,
        -- false for journal notes that are not machine events (REGISTERED, DEADLINES_RECOMPUTED).
        machine_event boolean NOT NULL,
        payload jsonb NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        occurred_on date NOT NULL,
        recorded_at timestamptz NOT NULL,
        basis text,
        state_after text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (case_id, seq)
      )`);
    await q.query('CREATE INDEX case_events_agency_idx ON case_events (agency_id, case_id, seq)');
    // DESIGN.md "Journal": append-only. The trigger refuses UPDATE and DELETE (and TRUNCATE);
    // the hash chain makes a change made with the trigger disabled detectable.
    await q.query(`
      CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION journal_append_only()`);
    await q.query(`
      CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
      FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only()`);

    await q.query(`
      CREATE TABLE identity_reveals (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        user_id uuid NOT NULL REFERENCES users(id),
        reason text,
        revealed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX identity_reveals_case_idx ON identity_reveals (case_id)');
    await q.query(`
      CREATE TRIGGER identity_reveals_append_only BEFORE UPDATE OR DELETE ON identity_reveals
      FOR EACH ROW EXECUTE FUNCTION journal_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE identity_reveals');
    await q.query('DROP TABLE case_events');
    await q.query('DROP FUNCTION journal_append_only()');
    await q.query('DROP TABLE cases');
  }
}

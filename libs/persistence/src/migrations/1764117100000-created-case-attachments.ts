import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedCaseAttachments1764117100000 implements MigrationInterface {
  name = 'CreatedCaseAttachments1764117100000';

  async up(q: QueryRunner): Promise<void> {
    // The files filed with a case (申请书, 身份证明, 补正材料, 送达回证 …). They are evidence: the
    // database itself keeps size and hash true to the content, refuses DELETE and TRUNCATE, and
    // allows one UPDATE only — setting the withdrawal marker — so an auditor still sees every file.
    await q.query(`
      CREATE TABLE case_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        media_type text NOT NULL,
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL,
        kind text NOT NULL CHECK (kind IN
          ('application_form', 'identity_document', 'supplement', 'service_receipt', 'other')),
        note text,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES users(id),
        withdrawal_reason text,
        CHECK (size_bytes = octet_length(content)),
        CHECK (sha256 = encode(sha256(content), 'hex')),
        CHECK (
          (withdrawn_at IS NULL AND withdrawn_by IS NULL AND withdrawal_reason IS NULL)
          OR (withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL
              AND length(withdrawal_reason) > 0)
        )
      )`);
    // Scans and archives are compressed already: store them out of line without trying again.
    await q.query('ALTER TABLE case_attachments ALTER COLUMN content SET STORAGE EXTERNAL');
    await q.query(
      'CREATE INDEX case_attachments_case_idx ON case_attachments (case_id, uploaded_at)',
    );
    await q.query(`
      CREATE FUNCTION case_attachments_withdraw_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.withdrawn_at IS NULL AND NEW.withdrawn_at IS NOT NULL
           AND (NEW.id, NEW.case_id, NEW.agency_id, NEW.file_name, NEW.media_type,
                NEW.size_bytes, NEW.sha256, NEW.kind, NEW.note, NEW.uploaded_by, NEW.uploaded_at)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.case_id, OLD.agency_id, OLD.file_name, OLD.media_type,
                OLD.size_bytes, OLD.sha256, OLD.kind, OLD.note, OLD.uploaded_by, OLD.uploaded_at)
        THEN
          -- The content cannot change either: the CHECK ties it to the unchanged sha256.
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'case_attachments is evidence: only a withdrawal may be recorded, once'
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER case_attachments_withdraw_only BEFORE UPDATE ON case_attachments
      FOR EACH ROW EXECUTE FUNCTION case_attachments_withdraw_only()`);
    await q.query(`
      CREATE TRIGGER case_attachments_no_delete BEFORE DELETE ON case_attachments
      FOR EACH ROW EXECUTE FUNCTION journal_append_only()`);
    await q.query(`
      CREATE TRIGGER case_attachments_no_truncate BEFORE TRUNCATE ON case_attachments
      FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_attachments');
    await q.query('DROP FUNCTION case_attachments_withdraw_only()');
  }
}

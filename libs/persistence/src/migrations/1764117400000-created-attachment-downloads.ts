import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedAttachmentDownloads1764117400000 implements MigrationInterface {
  name = 'CreatedAttachmentDownloads1764117400000';

  async up(q: QueryRunner): Promise<void> {
    // DESIGN.md "Security": reading a scanned identity document is as sensitive as revealing an
    // identity number, so each download is recorded like identity_reveals — in its own table, not
    // the case journal (a journal row would bump the case version and make clerks' next actions
    // conflict). The record is evidence: append-only, like the journal.
    await q.query(`
      CREATE TABLE attachment_downloads (
        id bigserial PRIMARY KEY,
        attachment_id uuid NOT NULL REFERENCES case_attachments(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        user_id uuid NOT NULL REFERENCES users(id),
        downloaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The auditor's list: the scope's agencies, newest first.
    await q.query(`
      CREATE INDEX attachment_downloads_agency_idx
        ON attachment_downloads (agency_id, downloaded_at DESC, id DESC)`);
    await q.query(`
      CREATE TRIGGER attachment_downloads_append_only BEFORE UPDATE OR DELETE ON attachment_downloads
      FOR EACH ROW EXECUTE FUNCTION journal_append_only()`);
    await q.query(`
      CREATE TRIGGER attachment_downloads_no_truncate BEFORE TRUNCATE ON attachment_downloads
      FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE attachment_downloads');
  }
}

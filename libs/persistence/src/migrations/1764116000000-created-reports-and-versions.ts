import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedReportsAndVersions1764116000000 implements MigrationInterface {
  name = 'CreatedReportsAndVersions1764116000000';

  async up(q: QueryRunner): Promise<void> {
    // The working copy of an annual report: its texts and where it stands in the lifecycle
    // (DESIGN.md "The annual report"); the numbers stay live until a version freezes them.
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        year int NOT NULL CHECK (year BETWEEN 2008 AND 2999),
        format text NOT NULL CHECK (format IN ('2019', '2021')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'published')),
        texts jsonb NOT NULL,
        cross_year_note text,
        submitted_by uuid REFERENCES users(id),
        submitted_at timestamptz,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        review_comment text,
        reviewed_by uuid REFERENCES users(id),
        reviewed_at timestamptz,
        latest_version int NOT NULL DEFAULT 0 CHECK (latest_version >= 0),
        revision int NOT NULL DEFAULT 1 CHECK (revision >= 1),
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agency_id, year)
      )`);

    // A published version: the report JSON exactly as hashed, its SHA-256 and the renderings
    // made from it at publication. Immutable: the journal trigger refuses UPDATE and DELETE.
    await q.query(`
      CREATE TABLE report_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        year int NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        format text NOT NULL CHECK (format IN ('2019', '2021')),
        json text NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        txt text NOT NULL,
        html text NOT NULL,
        docx bytea NOT NULL,
        xlsx bytea NOT NULL,
        csv_section3 text NOT NULL,
        csv_section4 text NOT NULL,
        change_note text,
        published_by uuid NOT NULL REFERENCES users(id),
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (report_id, version),
        -- A correction names what changed; version 1 is the first publication.
        CHECK (version = 1 OR (change_note IS NOT NULL AND length(change_note) > 0))
      )`);
    await q.query(
      'CREATE INDEX report_versions_agency_year_idx ON report_versions (agency_id, year, version DESC)',
    );
    await q.query(`
      CREATE TRIGGER report_versions_append_only BEFORE UPDATE OR DELETE ON report_versions
      FOR EACH ROW EXECUTE FUNCTION journal_append_only()`);
    await q.query(`
      CREATE TRIGGER report_versions_no_truncate BEFORE TRUNCATE ON report_versions
      FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE report_versions');
    await q.query('DROP TABLE reports');
  }
}

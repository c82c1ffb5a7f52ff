import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedAgenciesAndUsers1764115200000 implements MigrationInterface {
  name = 'CreatedAgenciesAndUsers1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),
        name text NOT NULL CHECK (length(name) > 0),
        parent_id uuid REFERENCES agencies(id),
        path text NOT NULL,
        address text,
        phone text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX agencies_path_idx ON agencies (path text_pattern_ops)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (roles <@ ARRAY['clerk','leader','auditor','admin']::text[] AND cardinality(roles) > 0),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        subtree_scope boolean NOT NULL DEFAULT false,
        failed_logins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE users');
    await q.query('DROP TABLE agencies');
  }
}

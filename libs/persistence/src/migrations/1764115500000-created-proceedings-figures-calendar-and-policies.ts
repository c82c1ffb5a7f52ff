import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedProceedingsFiguresCalendarAndPolicies1764115500000 implements MigrationInterface {
  name = 'CreatedProceedingsFiguresCalendarAndPolicies1764115500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE proceedings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        case_id uuid REFERENCES cases(id),
        kind text NOT NULL CHECK (kind IN ('reconsideration', 'litigation_direct', 'litigation_after_reconsideration')),
        filed_on date NOT NULL,
        result text CHECK (result IN ('maintained', 'corrected', 'other')),
        concluded_on date,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Section 四: a result needs a conclusion date and the other way round (pending = both null).
        CHECK ((result IS NULL) = (concluded_on IS NULL)),
        CHECK (concluded_on IS NULL OR concluded_on >= filed_on)
      )`);
    await q.query('CREATE INDEX proceedings_agency_filed_idx ON proceedings (agency_id, filed_on)');
    await q.query('CREATE INDEX proceedings_case_idx ON proceedings (case_id)');

    await q.query(`
      CREATE TABLE section2_figures (
        agency_id uuid NOT NULL REFERENCES agencies(id),
        year int NOT NULL CHECK (year BETWEEN 2008 AND 2999),
        format text NOT NULL CHECK (format IN ('2019', '2021')),
        figures jsonb NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, year)
      )`);

    await q.query(`
      CREATE TABLE calendar_years (
        year int PRIMARY KEY CHECK (year BETWEEN 1949 AND 2999),
        arrangement jsonb NOT NULL,
        loaded_by uuid REFERENCES users(id),
        loaded_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE approval_policies (
        agency_id uuid PRIMARY KEY REFERENCES agencies(id),
        decision_steps int NOT NULL DEFAULT 1 CHECK (decision_steps BETWEEN 1 AND 5),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE approval_policies');
    await q.query('DROP TABLE calendar_years');
    await q.query('DROP TABLE section2_figures');
    await q.query('DROP TABLE proceedings');
  }
}

import type { DataSource } from 'typeorm';

let statement: Promise<string> | null = null;

/**
 * One SELECT over every table with an agency_id (users without their failure counters: a
 * refused login counts a failure on purpose), the journal of the agency's cases, the agency row
 * and its users' live sessions. Built once per process from the schema.
 */
async function fingerprintStatement(db: DataSource): Promise<string> {
  const tables = (await db.query(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'agency_id' AND table_name <> 'users'
      ORDER BY table_name`,
  )) as { table_name: string }[];
  const parts = tables.map(
    ({ table_name: table }) =>
      `(SELECT '${table}:' || count(*) || ':' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))
          FROM "${table}" t WHERE agency_id = $1)`,
  );
  parts.push(
    `(SELECT 'users:' || md5(coalesce(string_agg(concat_ws('|', id, username, display_name,
        password_hash, roles::text, email, active, subtree_scope, password_changed_at), ','
        ORDER BY id), '')) FROM users WHERE agency_id = $1)`,
    `(SELECT 'journal:' || count(*) || ':' || coalesce(max(e.seq), 0) FROM case_events e
        JOIN cases c ON c.id = e.case_id WHERE c.agency_id = $1)`,
    `(SELECT 'agency:' || md5(a::text) FROM agencies a WHERE id = $1)`,
    `(SELECT 'live-sessions:' || count(*) FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE u.agency_id = $1 AND s.ended_at IS NULL)`,
  );
  return `SELECT concat_ws(E'\\n', ${parts.join(', ')}) AS f`;
}

/**
 * A digest of everything stored for one agency, so a test can prove that a refused request wrote
 * nothing of it.
 */
export async function agencyFingerprint(db: DataSource, agencyId: string): Promise<string> {
  statement ??= fingerprintStatement(db);
  const [row] = (await db.query(await statement, [agencyId])) as { f: string }[];
  return row?.f ?? '';
}

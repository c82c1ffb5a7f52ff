import type { DataSource } from 'typeorm';

/**
 * A digest of everything stored for one agency: every row of every table with an agency_id (and
 * the journal and attachments of its cases, and its users' accounts), so a test can prove that a
 * refused request wrote nothing.
 */
export async function agencyFingerprint(db: DataSource, agencyId: string): Promise<string> {
  const tables = (await db.query(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'agency_id' AND table_name <> 'users'
      ORDER BY table_name`,
  )) as { table_name: string }[];
  const parts: string[] = [];
  for (const { table_name: table } of tables) {
    const [row] = (await db.query(
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS h
         FROM "${table}" t WHERE agency_id = $1`,
      [agencyId],
    )) as { n: string; h: string }[];
    parts.push(`${table}:${row?.n}:${row?.h}`);
  }
  const [journal] = (await db.query(
    `SELECT count(*) AS n, max(e.seq) AS s FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE c.agency_id = $1`,
    [agencyId],
  )) as { n: string; s: string }[];
  const [agency] = (await db.query('SELECT md5(a::text) AS h FROM agencies a WHERE id = $1', [
    agencyId,
  ])) as { h: string }[];
  // A refused login counts a failure on purpose (failed_logins, locked_until): not a write of data.
  const [users] = (await db.query(
    `SELECT md5(coalesce(string_agg(concat_ws('|', id, username, display_name, password_hash,
       roles::text, email, active, subtree_scope, password_changed_at), ',' ORDER BY id), '')) AS h
       FROM users WHERE agency_id = $1`,
    [agencyId],
  )) as { h: string }[];
  const [sessions] = (await db.query(
    `SELECT count(*) FILTER (WHERE s.ended_at IS NULL) AS n FROM sessions s
       JOIN users u ON u.id = s.user_id WHERE u.agency_id = $1`,
    [agencyId],
  )) as { n: string }[];
  return [
    ...parts,
    `journal:${journal?.n}:${journal?.s}`,
    `agency:${agency?.h}`,
    `users:${users?.h}`,
    `live-sessions:${sessions?.n}`,
  ].join('\n');
}

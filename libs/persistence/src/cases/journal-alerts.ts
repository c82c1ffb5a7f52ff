import type { EntityManager } from 'typeorm';

export interface JournalAlert {
  readonly agencyId: string;
  /** Cases the findings name that still have a row; the alert links to the first. */
  readonly caseIds: readonly string[];
  readonly dueOn: string;
  readonly now: Date;
  readonly title: string;
  readonly body: string;
}

/**
 * 督办 to the agency's active auditors and administrators: the nightly verification failed. One
 * alert per person and night (the notifications key includes the case and the date), attached
 * to a case the findings name — or, when every named case was erased, to the agency's newest
 * case, since the desk lists alerts by case. Returns how many were raised.
 */
export async function raiseJournalAlert(m: EntityManager, alert: JournalAlert): Promise<number> {
  const [target] = (await m.query(
    `SELECT id FROM cases WHERE agency_id = $1
      ORDER BY (id = ANY($2::uuid[])) DESC, array_position($2::uuid[], id), created_at DESC
      LIMIT 1`,
    [alert.agencyId, alert.caseIds],
  )) as { id: string }[];
  if (!target) return 0;
  const inserted = (await m.query(
    `INSERT INTO notifications (user_id, agency_id, case_id, kind, due_on, title, body, created_at)
     SELECT u.id, $1, $2, 'journal_failed', $3, $4, $5, $6
       FROM users u
      WHERE u.agency_id = $1 AND u.active AND u.roles && ARRAY['auditor', 'admin']::text[]
     ON CONFLICT (user_id, kind, case_id, due_on) DO NOTHING
     RETURNING id`,
    [alert.agencyId, target.id, alert.dueOn, alert.title, alert.body, alert.now],
  )) as { id: string }[];
  return inserted.length;
}

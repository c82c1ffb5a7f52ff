import type { EntityManager } from 'typeorm';
import type { TimelineRow } from './case-read.repository';

/** A timeline row of any case in scope, with the case it belongs to. */
export type JournalSearchRecord = Omit<TimelineRow, 'state_after' | 'hash'> & {
  case_id: string;
  case_ref: string;
  agency_id: string;
};

export interface JournalSearchFilter {
  /** Never empty: the caller answers an empty scope itself. */
  readonly agencyIds: readonly string[];
  readonly type?: string;
  /** A user id, or a username. */
  readonly actor?: string;
  /** Whole Asia/Shanghai days, inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Part of the case's ref or of any value of the payload. */
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/**
 * The journal of every case in a scope, newest first. Read-only: the journal is append-only and
 * this never takes a case row lock.
 */
export class JournalSearchRepository {
  constructor(private readonly m: EntityManager) {}

  async search(
    filter: JournalSearchFilter,
  ): Promise<{ rows: JournalSearchRecord[]; total: number }> {
    // Scope first: `agency_id = ANY(…)` is the leading column of case_events_agency_idx, so the
    // scan never leaves the user's agencies. The other filters are checked on those rows.
    const params: unknown[] = [filter.agencyIds];
    const where = ['e.agency_id = ANY($1::uuid[])'];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.type) where.push(`e.type = ${bind(filter.type)}`);
    if (filter.actor) {
      const actor = bind(filter.actor);
      where.push(
        `(e.actor_id = ${actor} OR e.actor_id IN (SELECT u.id::text FROM users u WHERE u.username = ${actor}))`,
      );
    }
    // Whole Asia/Shanghai days, as the desk shows recorded times; bounds stay on the bare column.
    if (filter.from) {
      where.push(
        `e.recorded_at >= (${bind(filter.from)}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`,
      );
    }
    if (filter.to) {
      where.push(
        `e.recorded_at < ((${bind(filter.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
      );
    }
    const joinCases = Boolean(filter.q);
    if (filter.q) {
      const like = bind(likePattern(filter.q));
      // Values only (any depth), so a search for "reason" does not match every row with that key.
      where.push(`(c.ref ILIKE ${like} OR EXISTS (
        SELECT 1 FROM jsonb_path_query(e.payload, 'strict $.**') v
         WHERE jsonb_typeof(v) IN ('string', 'number') AND v #>> '{}' ILIKE ${like}))`);
    }
    // A case's rows carry its agency: scoping the cases too keeps the join to the scope's cases.
    const from = `case_events e${
      joinCases ? ' JOIN cases c ON c.id = e.case_id AND c.agency_id = ANY($1::uuid[])' : ''
    }`;
    const conditions = where.join(' AND ');

    const countParams = [...params];
    const limit = bind(filter.limit);
    const offset = bind(filter.offset);
    // No index leads with recorded_at (case_events has only (agency_id, case_id, seq) besides its
    // keys), so the newest-first page is a top-N sort of the scope's matching rows. It is chosen on
    // (recorded_at, id) alone and the rows are then read by primary key: the sort never carries
    // payloads.
    const [counted, rows] = await Promise.all([
      this.m.query(
        `SELECT count(*)::int AS total FROM ${from} WHERE ${conditions}`,
        countParams,
      ) as Promise<{ total: number }[]>,
      this.m.query(
        `WITH page AS (
           SELECT e.id, e.recorded_at FROM ${from} WHERE ${conditions}
            ORDER BY e.recorded_at DESC, e.id DESC LIMIT ${limit} OFFSET ${offset}
         )
         SELECT e.case_id, c.ref AS case_ref, e.agency_id, e.seq, e.type, e.machine_event,
                to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on, e.recorded_at, e.actor_id,
                e.actor_role, u.display_name, e.basis, e.payload
           FROM page
           JOIN case_events e ON e.id = page.id
           JOIN cases c ON c.id = e.case_id
           LEFT JOIN users u ON u.id::text = e.actor_id
          ORDER BY page.recorded_at DESC, page.id DESC`,
        params,
      ) as Promise<JournalSearchRecord[]>,
    ]);
    return { rows, total: counted[0]?.total ?? 0 };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  journalTypeLabel,
  type JournalSearchQuery,
  type JournalSearchRow,
  type Page,
} from '@gongkai/contracts';
import { type SessionUser } from '../auth/session-user';
import { eventLabelOf, type TimelineRow } from '../cases/case-view.mapper';
import { summarizePayload } from './journal-summary';

/** A timeline row of any case in scope, with the case it belongs to. */
type JournalRow = Omit<TimelineRow, 'state_after' | 'hash'> & {
  case_id: string;
  case_ref: string;
  agency_id: string;
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/**
 * The journal of every case in the user's read scope, newest first. Read-only: the journal is
 * append-only and this never takes a case row lock.
 */
@Injectable()
export class JournalService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(user: SessionUser, query: JournalSearchQuery): Promise<Page<JournalSearchRow>> {
    const agencies = query.agencyId
      ? user.scopeAgencyIds.filter((a) => a === query.agencyId)
      : user.scopeAgencyIds;
    const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    if (agencies.length === 0) return empty;

    // Scope first: `agency_id = ANY(…)` is the leading column of case_events_agency_idx, so the
    // scan never leaves the user's agencies. The other filters are checked on those rows.
    const params: unknown[] = [agencies];
    const where = ['e.agency_id = ANY($1::uuid[])'];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.type) where.push(`e.type = ${bind(query.type)}`);
    if (query.actor) {
      const actor = bind(query.actor);
      where.push(
        `(e.actor_id = ${actor} OR e.actor_id IN (SELECT u.id::text FROM users u WHERE u.username = ${actor}))`,
      );
    }
    // Whole Asia/Shanghai days, as the desk shows recorded times; bounds stay on the bare column.
    if (query.from) {
      where.push(
        `e.recorded_at >= (${bind(query.from)}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`,
      );
    }
    if (query.to) {
      where.push(
        `e.recorded_at < ((${bind(query.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
      );
    }
    const joinCases = Boolean(query.q);
    if (query.q) {
      const like = bind(likePattern(query.q));
      // Values only (any depth), so a search for "reason" does not match every row with that key.
      where.push(`(c.ref ILIKE ${like} OR EXISTS (
        SELECT 1 FROM jsonb_path_query(e.payload, 'strict $.**') v
         WHERE jsonb_typeof(v) IN ('string', 'number') AND v #>> '{}' ILIKE ${like}))`);
    }
    // A case's rows carry its agency: scoping the cases too keeps the join to the scope's cases.
    const from = `case_events e${
      joinCases ? ' JOIN cases c ON c.id = e.case_id AND c.agency_id = ANY($1::uuid[])' : ''
    }`;
    const filter = where.join(' AND ');

    const countParams = [...params];
    const limit = bind(query.pageSize);
    const offset = bind((query.page - 1) * query.pageSize);
    // No index leads with recorded_at (case_events has only (agency_id, case_id, seq) besides its
    // keys), so the newest-first page is a top-N sort of the scope's matching rows. It is chosen on
    // (recorded_at, id) alone and the rows are then read by primary key: the sort never carries
    // payloads.
    const [counted, rows] = await Promise.all([
      this.db.query(
        `SELECT count(*)::int AS total FROM ${from} WHERE ${filter}`,
        countParams,
      ) as Promise<{ total: number }[]>,
      this.db.query(
        `WITH page AS (
           SELECT e.id, e.recorded_at FROM ${from} WHERE ${filter}
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
      ) as Promise<JournalRow[]>,
    ]);
    return {
      items: rows.map(toSearchRow),
      total: counted[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

function toSearchRow(r: JournalRow): JournalSearchRow {
  return {
    caseId: r.case_id,
    caseRef: r.case_ref,
    agencyId: r.agency_id,
    seq: r.seq,
    type: r.type,
    label: journalTypeLabel(r.type)?.zh ?? eventLabelOf(r.type),
    machineEvent: r.machine_event,
    actor: {
      id: r.actor_id,
      displayName: r.display_name ?? (r.actor_id === 'system' ? '系统' : null),
      role: r.actor_role,
    },
    recordedAt: new Date(r.recorded_at).toISOString(),
    on: r.occurred_on,
    basis: r.basis,
    summary: summarizePayload(r.payload),
  };
}

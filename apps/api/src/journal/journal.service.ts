import { Injectable } from '@nestjs/common';
import { SearchJournal } from '@gongkai/application';
import type { JournalSearchRecord } from '@gongkai/persistence';
import {
  journalTypeLabel,
  type JournalSearchQuery,
  type JournalSearchRow,
  type Page,
} from '@gongkai/contracts';
import { type SessionUser } from '../auth/session-user';
import { eventLabelOf } from '../cases/case-view.mapper';
import { summarizePayload } from './journal-summary';

/**
 * The journal of every case in the user's read scope, newest first (the application's
 * SearchJournal), as the desk's rows.
 */
@Injectable()
export class JournalService {
  constructor(private readonly journal: SearchJournal) {}

  async search(user: SessionUser, query: JournalSearchQuery): Promise<Page<JournalSearchRow>> {
    const { rows, total } = await this.journal.execute(user, query);
    return { items: rows.map(toSearchRow), total, page: query.page, pageSize: query.pageSize };
  }
}

function toSearchRow(r: JournalSearchRecord): JournalSearchRow {
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

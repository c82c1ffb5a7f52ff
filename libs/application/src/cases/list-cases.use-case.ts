import type { DataSource } from 'typeorm';
import type { CaseListQuery } from '@gongkai/contracts';
import {
  CaseError,
  CaseReadRepository,
  type CaseEntity,
  type CaseListFilter,
} from '@gongkai/persistence';
import type { CaseTransitionService } from './case-transition.service';
import type { CasePage, CaseReader } from './case-reader';

/** 经办人 display names of the rows. */
export async function assigneeNamesOf(
  reads: CaseReadRepository,
  rows: readonly CaseEntity[],
): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.assignedClerkId).filter((id) => id !== null))];
  return reads.displayNames(ids);
}

/** The case list of the desk: the reader's scope, filtered, sorted and paged. */
export class ListCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionService,
  ) {}

  async execute(reader: CaseReader, query: CaseListQuery): Promise<CasePage> {
    const today = this.transitions.currentDate();
    const calendar = await this.transitions.calendar();
    // A supervisor narrows the list to one of its agencies; naming any other is refused rather
    // than answered with an empty page, which would read as "this agency has no cases".
    if (query.agencyId && !reader.scopeAgencyIds.includes(query.agencyId)) {
      throw new CaseError('forbidden', 'agency_out_of_scope', '所选机关不在您可查看的范围内');
    }
    const agencyIds = query.agencyId ? [query.agencyId] : reader.scopeAgencyIds;
    let due: CaseListFilter['due'];
    if (query.due === 'overdue') due = { kind: 'overdue', today };
    else if (query.due === 'dueSoon') {
      due = { kind: 'dueSoon', today, until: calendar.addWorkingDays(today, 5).dueOn };
    }
    const reads = new CaseReadRepository(this.dataSource.manager);
    const [rows, total] = await reads.list({
      agencyIds,
      state: query.state,
      due,
      year: query.year,
      category: query.category,
      outcome: query.outcome,
      assignee: query.assignee === 'me' ? reader.id : query.assignee,
      q: query.q,
      sort: query.sort,
      order: query.order,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { rows, total, today, calendar, names: await assigneeNamesOf(reads, rows) };
  }
}

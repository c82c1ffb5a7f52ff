import type { DataSource } from 'typeorm';
import type { CalendarPreviewResult, PutCalendarYearRequest } from '@gongkai/contracts';
import type { CaseTransitionService } from '../cases/case-transition.service';
import { arrangementOf } from './calendar-arrangement-of';
import { GetCalendarYear } from './get-calendar-year.use-case';

/**
 * What loading the year would do to the open cases' deadlines, computed under the current
 * calendar with this year replaced and nothing written. Cases of agencies outside the user's
 * scope are counted but not named: any administrator may preview, scoped to what it reads.
 */
export class PreviewCalendarYear {
  private readonly years: GetCalendarYear;

  constructor(
    private readonly db: DataSource,
    private readonly transitions: CaseTransitionService,
  ) {
    this.years = new GetCalendarYear(db);
  }

  async execute(
    user: { readonly scopeAgencyIds: readonly string[] },
    year: number,
    body: PutCalendarYearRequest,
  ): Promise<CalendarPreviewResult> {
    const arrangement = arrangementOf(year, body);
    const proposed = (await this.transitions.calendar()).withArrangements([arrangement]);
    const scan = await this.transitions.deadlineChanges(proposed);
    const inScope = scan.changes.filter((c) => user.scopeAgencyIds.includes(c.agencyId));
    const names = new Map(
      (
        (await this.db.query('SELECT id, name FROM agencies WHERE id = ANY($1)', [
          [...new Set(inScope.map((c) => c.agencyId))],
        ])) as { id: string; name: string }[]
      ).map((a) => [a.id, a.name]),
    );
    return {
      year,
      origin: (await this.years.execute(year)).origin,
      openCasesChecked: scan.openCasesChecked,
      casesChanging: scan.changes.length,
      cases: inScope.map(({ agencyId, ...change }) => ({
        ...change,
        agencyName: names.get(agencyId) ?? '',
      })),
      casesOutsideScope: scan.changes.length - inScope.length,
      casesFailed: scan.casesFailed,
    };
  }
}

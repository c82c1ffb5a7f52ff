import type { DataSource } from 'typeorm';
import type { CalendarLoadResult, PutCalendarYearRequest } from '@gongkai/contracts';
import { mayChangeHolidayCalendar, type CalendarEditor } from '@gongkai/domain';
import { CalendarYearEntity } from '@gongkai/persistence';
import type { CaseTransitionService } from '../cases/case-transition.service';
import { ApplicationError } from '../common/application-error';
import type { Clock } from '../common/clock';
import { arrangementOf } from './calendar-arrangement-of';
import { GetCalendarYear } from './get-calendar-year.use-case';

/**
 * Loads or corrects a year, then re-derives the deadlines of every open case; each case whose
 * deadlines changed gets a DEADLINES_RECOMPUTED journal row (Project rule 16). National data:
 * the domain decides who may (an administrator of a root agency).
 */
export class LoadCalendarYear {
  private readonly years: GetCalendarYear;

  constructor(
    private readonly db: DataSource,
    private readonly transitions: CaseTransitionService,
    private readonly clock: Clock,
    private readonly onCaseFailed: (caseId: string, error: Error) => void,
  ) {
    this.years = new GetCalendarYear(db);
  }

  async execute(
    user: CalendarEditor & { readonly id: string },
    year: number,
    body: PutCalendarYearRequest,
  ): Promise<CalendarLoadResult> {
    if (!mayChangeHolidayCalendar(user)) {
      throw new ApplicationError(
        'forbidden',
        '节假日安排为全国统一数据，只有顶级机关的管理员可以载入或更正',
        { code: 'calendar_root_admin_only' },
      );
    }
    const arrangement = arrangementOf(year, body);
    await this.db
      .getRepository(CalendarYearEntity)
      .upsert({ year, arrangement, loadedBy: user.id, loadedAt: this.clock.now() }, ['year']);
    this.transitions.calendars.invalidate();
    const open = (await this.db.query('SELECT id FROM cases WHERE NOT closed ORDER BY id')) as {
      id: string;
    }[];
    let casesRecomputed = 0;
    let casesFailed = 0;
    for (const { id } of open) {
      try {
        const changed = await this.transitions.recomputeDeadlines(
          id,
          { id: user.id, role: 'admin' },
          `${year}年节假日安排已载入（${body.source}）`,
        );
        if (changed) casesRecomputed++;
      } catch (error) {
        casesFailed++;
        // One unreadable case must not undo the calendar for all the others; it is reported.
        this.onCaseFailed(id, error as Error);
      }
    }
    return {
      ...(await this.years.execute(year)),
      openCasesChecked: open.length,
      casesRecomputed,
      casesFailed,
    };
  }
}

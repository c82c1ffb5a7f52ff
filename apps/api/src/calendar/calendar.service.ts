import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  CalendarLoadResult,
  CalendarPreviewResult,
  CalendarYearView,
  PutCalendarYearRequest,
} from '@gongkai/contracts';
import { validateArrangement, WorkingDayCalendar, type CalendarArrangement } from '@gongkai/domain';
import { CalendarYearEntity } from '@gongkai/persistence';
import { CaseTransitionService } from '@gongkai/application';
import { type SessionUser } from '../auth/session-user';

const BUILTIN = WorkingDayCalendar.withDefaults();

/** Holiday arrangements as data, one per year (Project rule 16). */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger('CalendarService');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitionService,
  ) {}

  async get(year: number): Promise<CalendarYearView> {
    const row = await this.db.getRepository(CalendarYearEntity).findOne({ where: { year } });
    if (row) {
      return {
        year,
        origin: 'database',
        arrangement: {
          ...row.arrangement,
          holidays: [...row.arrangement.holidays],
          makeupWorkdays: [...row.arrangement.makeupWorkdays],
        },
        loadedAt: new Date(row.loadedAt).toISOString(),
        loadedBy: row.loadedBy,
      };
    }
    const builtin = BUILTIN.arrangements().find((a) => a.year === year);
    return {
      year,
      origin: builtin ? 'builtin' : 'missing',
      arrangement: builtin
        ? {
            year,
            holidays: [...builtin.holidays],
            makeupWorkdays: [...builtin.makeupWorkdays],
            source: builtin.source,
          }
        : null,
      loadedAt: null,
      loadedBy: null,
    };
  }

  /**
   * What load() would do to the open cases' deadlines, computed under the current calendar with
   * this year replaced and nothing written. Cases of agencies outside the user's scope are
   * counted but not named.
   */
  async preview(
    user: SessionUser,
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
      origin: (await this.get(year)).origin,
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

  /**
   * Loads or corrects a year, then re-derives the deadlines of every open case; each case whose
   * deadlines changed gets a DEADLINES_RECOMPUTED journal row (Project rule 16).
   */
  async load(
    user: SessionUser,
    year: number,
    body: PutCalendarYearRequest,
  ): Promise<CalendarLoadResult> {
    const arrangement = arrangementOf(year, body);
    await this.db
      .getRepository(CalendarYearEntity)
      .upsert({ year, arrangement, loadedBy: user.id, loadedAt: new Date() }, ['year']);
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
        this.logger.error(`deadlines of case ${id} not recomputed: ${(error as Error).message}`);
      }
    }
    return {
      ...(await this.get(year)),
      openCasesChecked: open.length,
      casesRecomputed,
      casesFailed,
    };
  }
}

/** The arrangement as stored: dates deduplicated and sorted; 400 naming every problem. */
function arrangementOf(year: number, body: PutCalendarYearRequest): CalendarArrangement {
  const arrangement: CalendarArrangement = {
    year,
    holidays: [...new Set(body.holidays)].sort(),
    makeupWorkdays: [...new Set(body.makeupWorkdays)].sort(),
    source: body.source,
    ...(body.names ? { names: body.names } : {}),
  };
  const problems = validateArrangement(arrangement);
  if (problems.length) {
    throw new BadRequestException({
      message: `节假日安排有误：${problems.join('；')}`,
      code: 'invalid_arrangement',
      problems,
    });
  }
  return arrangement;
}

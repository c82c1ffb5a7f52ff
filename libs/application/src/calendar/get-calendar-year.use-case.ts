import type { DataSource } from 'typeorm';
import type { CalendarYearView } from '@gongkai/contracts';
import { WorkingDayCalendar } from '@gongkai/domain';
import { CalendarYearEntity } from '@gongkai/persistence';

const BUILTIN = WorkingDayCalendar.withDefaults();

/** One year's holiday arrangement: loaded into the database, built in, or missing. */
export class GetCalendarYear {
  constructor(private readonly db: DataSource) {}

  async execute(year: number): Promise<CalendarYearView> {
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
}

import type { EntityManager } from 'typeorm';
import { WorkingDayCalendar, type CalendarArrangement } from '@gongkai/domain';

/**
 * The working-day calendar: the chinese-days years, replaced by what administrators loaded into
 * `calendar_years` (Project rule 16). Rebuilt only when the table changes, checked by a cheap
 * count/max query, so several API and worker processes stay in step without a message bus.
 */
export class CalendarSource {
  private cached: { signature: string; calendar: WorkingDayCalendar } | null = null;

  async get(manager: EntityManager): Promise<WorkingDayCalendar> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS n, coalesce(max(loaded_at), 'epoch')::text AS at FROM calendar_years`,
    )) as { n: number; at: string }[];
    const signature = `${row.n}|${row.at}`;
    if (this.cached?.signature === signature) return this.cached.calendar;
    const rows = (await manager.query('SELECT arrangement FROM calendar_years ORDER BY year')) as {
      arrangement: CalendarArrangement;
    }[];
    const calendar = WorkingDayCalendar.withDefaults(rows.map((r) => r.arrangement));
    this.cached = { signature, calendar };
    return calendar;
  }
}

import type { CaseSnapshot, LocalDate, WorkingDayCalendar } from '@gongkai/domain';
import type { CaseEntity } from '@gongkai/persistence';

/** The signed-in user as the case use cases see it: who, in which roles, over which agencies. */
export interface CaseReader {
  readonly id: string;
  readonly roles: readonly string[];
  /** Agencies whose cases the user may read. */
  readonly scopeAgencyIds: readonly string[];
  /** Agencies whose cases the user may change (its own agency's, never a supervised one's). */
  readonly writeAgencyIds: readonly string[];
}

/** What a read hands back besides the rows: the day and calendar the deadlines were read on. */
export interface CaseClock {
  readonly today: LocalDate;
  readonly calendar: WorkingDayCalendar;
}

/** Cases with their 经办人's display names, by user id. */
export interface CasePage extends CaseClock {
  readonly rows: readonly CaseEntity[];
  readonly total: number;
  readonly names: ReadonlyMap<string, string>;
}

/** What a transition already holds for its response: no restore, no calendar or users query. */
export interface KnownAfterTransition {
  readonly snapshot: CaseSnapshot;
  readonly calendar: WorkingDayCalendar;
  readonly assigneeName: string | null;
}

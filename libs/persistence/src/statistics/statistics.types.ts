import {
  APPLICANT_CATEGORY_CODES,
  OUTCOME_CODES,
  PROCEEDING_KIND_CODES,
  type ApplicantCategory,
  type Outcome,
  type ProceedingKind,
} from '@gongkai/domain';

/**
 * Shapes of the statistics, in the codes of codes.md. They are structurally the report model's
 * `Section3` / `Section4` (libs/report), which this library may not import (Nx boundaries), so the
 * apps pass them to `createReport` as they are.
 */
export type StatisticsFormat = '2019' | '2021';
export type Section3Column = ApplicantCategory | 'total';
export type Section3Row =
  'received' | 'carried_in' | Outcome | 'other' | 'total' | 'carried_forward';
export type Section4Column = 'maintained' | 'corrected' | 'other' | 'pending' | 'total';

export interface Section3Table {
  columns: Section3Column[];
  rows: Partial<Record<Section3Row, number[]>>;
}

export type Section4Table = Record<ProceedingKind, Record<Section4Column, number>>;

/** Project rule 7: the information-processing-fee figures of 六. */
export interface FeeTotals {
  year: number;
  /** Fees paid in the year, in 元. */
  amountYuan: number;
  /** Fee notices served in the year. */
  noticeCount: number;
  /** Applications closed as other.fee_unpaid in the year. */
  unpaidCount: number;
}

export interface YearStatistics {
  year: number;
  format: StatisticsFormat;
  section3: Section3Table;
  section4: Section4Table;
  fees: FeeTotals;
}

/** Which agencies are counted: one, or one and every agency below it (agencies.path prefix). */
export interface StatisticsScope {
  agencyId: string;
  subtree?: boolean;
  /** When given, the subtree is cut down to these agencies (the reader's scope). */
  within?: readonly string[];
}

export const SECTION3_COLUMN_KEYS: readonly Section3Column[] = [
  ...APPLICANT_CATEGORY_CODES,
  'total',
];
export const SECTION4_COLUMN_KEYS: readonly Section4Column[] = [
  'maintained',
  'corrected',
  'other',
  'pending',
  'total',
];
export const SECTION4_ROW_KEYS: readonly ProceedingKind[] = PROCEEDING_KIND_CODES;

const OTHER_OUTCOMES = new Set<string>([
  'other.supplement_overdue',
  'other.fee_unpaid',
  'other.other',
]);

/** Project rule 14: 2019 and 2020 use the 2019 trial format. */
export function statisticsFormatForYear(year: number): StatisticsFormat {
  return year <= 2020 ? '2019' : '2021';
}

/** Section 三 rows in the official order; 2019: one `other` row for （六）(regulation.md §2). */
export function section3RowOrder(format: StatisticsFormat): readonly Section3Row[] {
  const outcomes: Section3Row[] =
    format === '2021'
      ? [...OUTCOME_CODES]
      : [...OUTCOME_CODES.filter((c) => !OTHER_OUTCOMES.has(c)), 'other'];
  return ['received', 'carried_in', ...outcomes, 'total', 'carried_forward'];
}

/** The row an outcome counts in, in the given format. */
export function outcomeRow(outcome: Outcome, format: StatisticsFormat): Section3Row {
  return format === '2019' && OTHER_OUTCOMES.has(outcome) ? 'other' : outcome;
}

export function isOtherOutcome(outcome: string): boolean {
  return OTHER_OUTCOMES.has(outcome);
}

export function emptySection3Table(format: StatisticsFormat): Section3Table {
  const rows: Partial<Record<Section3Row, number[]>> = {};
  for (const key of section3RowOrder(format)) rows[key] = SECTION3_COLUMN_KEYS.map(() => 0);
  return { columns: [...SECTION3_COLUMN_KEYS], rows };
}

export function emptySection4Table(): Section4Table {
  const group = (): Record<Section4Column, number> => ({
    maintained: 0,
    corrected: 0,
    other: 0,
    pending: 0,
    total: 0,
  });
  return {
    reconsideration: group(),
    litigation_direct: group(),
    litigation_after_reconsideration: group(),
  };
}

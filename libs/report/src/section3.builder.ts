import { APPLICANT_CATEGORY_CODES, type ApplicantCategory, type Outcome } from '@gongkai/domain';
import {
  emptySection3,
  formatForYear,
  section3RowOf,
  type ReportFormat,
  type Section3,
  type Section3RowKey,
} from './report-model';

/** What section 三 needs of a case (regulation.md §1.7): dates are ISO `YYYY-MM-DD`. */
export interface CaseFacts {
  receivedOn: string;
  /** Date of the decision (Project rule 2); null while the case is open. */
  decidedOn: string | null;
  outcome: Outcome | null;
  applicantCategory: ApplicantCategory;
}

const TOTAL_INDEX = APPLICANT_CATEGORY_CODES.length;

/**
 * Section 三 of `year` from case facts (DESIGN.md "The annual report"): 一 = received in the
 * year; 二 = received earlier and open on 1 January; each outcome row = decided in the year
 * (Project rule 2: by decision date); 四 = open on 31 December. Every case counts once per row
 * in its applicant's column (Project rules 1, 5), so I1–I4 hold by construction.
 */
export function buildSection3(
  cases: Iterable<CaseFacts>,
  year: number,
  format: ReportFormat = formatForYear(year),
): Section3 {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const section = emptySection3(format);
  const add = (key: Section3RowKey, column: number): void => {
    const row = section.rows[key];
    if (!row) throw new Error(`row ${key} is not in the ${format} format`);
    row[column] = (row[column] ?? 0) + 1;
    row[TOTAL_INDEX] = (row[TOTAL_INDEX] ?? 0) + 1;
  };
  for (const c of cases) {
    const column = APPLICANT_CATEGORY_CODES.indexOf(c.applicantCategory);
    if (column < 0) throw new RangeError(`unknown applicant category ${c.applicantCategory}`);
    const closedOn = c.decidedOn !== null && c.outcome !== null ? c.decidedOn : null;
    if (closedOn !== null && closedOn < c.receivedOn) {
      throw new RangeError(`case decided on ${closedOn} before its receipt on ${c.receivedOn}`);
    }
    if (c.receivedOn > end) continue;
    if (closedOn !== null && closedOn < start) continue;
    add(c.receivedOn >= start ? 'received' : 'carried_in', column);
    if (closedOn !== null && closedOn <= end && c.outcome !== null) {
      add(section3RowOf(c.outcome, format), column);
      add('total', column);
    } else {
      add('carried_forward', column);
    }
  }
  return section;
}

import { type ProceedingFinalResult, type ProceedingKind } from '@gongkai/domain';
import { emptySection4, type Section4 } from './report-model';

/** A 行政复议 or 行政诉讼 about the agency's disclosure work (Art. 50(三)); ISO dates. */
export interface ProceedingFacts {
  kind: ProceedingKind;
  filedOn: string;
  /** Null while pending. */
  concludedOn: string | null;
  result: ProceedingFinalResult | null;
}

/**
 * Section 四 of `year`. Project rule 6: a proceeding counts in its filing year, under its result
 * as at 31 December of that year; one still open then counts as 尚未审结.
 */
export function buildSection4(proceedings: Iterable<ProceedingFacts>, year: number): Section4 {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const section = emptySection4();
  for (const p of proceedings) {
    if (p.filedOn < start || p.filedOn > end) continue;
    const concluded = p.result !== null && p.concludedOn !== null && p.concludedOn <= end;
    const column = concluded && p.result !== null ? p.result : 'pending';
    const group = section[p.kind];
    group[column] = (group[column] ?? 0) + 1;
    group.total = (group.total ?? 0) + 1;
  }
  return section;
}

import {
  type AnnualReport,
  SECTION3_COLUMNS,
  section3ColumnLabel,
  section3Row,
  section3RowKeys,
  section3RowLabel,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section4ColumnLabel,
  section4GroupLabel,
} from './report-model';

function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows: (string | number | null)[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Section 三 as open data: one line per row, codes and official labels, a blank cell empty. */
export function renderSection3Csv(report: AnnualReport): string {
  return csv([
    [
      'year',
      'agency',
      'row',
      'label',
      ...SECTION3_COLUMNS.map((c) => `${c}（${section3ColumnLabel(c)}）`),
    ],
    ...section3RowKeys(report.format).map((key) => [
      report.year,
      report.agency.code,
      key,
      section3RowLabel(key),
      ...section3Row(report, key),
    ]),
  ]);
}

/** Section 四 as open data: one line per kind of proceeding. */
export function renderSection4Csv(report: AnnualReport): string {
  return csv([
    [
      'year',
      'agency',
      'kind',
      'label',
      ...SECTION4_COLUMNS.map((c) => `${c}（${section4ColumnLabel(c)}）`),
    ],
    ...SECTION4_GROUPS.map((g) => [
      report.year,
      report.agency.code,
      g,
      section4GroupLabel(g),
      ...SECTION4_COLUMNS.map((c) => report.section4[g][c]),
    ]),
  ]);
}

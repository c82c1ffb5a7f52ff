import {
  type AnnualReport,
  type Figure,
  section2Rows,
  section2Value,
  section3Row,
  section3RowKeys,
  SECTION3_COLUMNS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
} from './report-model';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The report as the plain object of report-json.md, keys in the documented order and section 三
 * with all its row keys in the official order.
 */
export function toReportJson(report: AnnualReport): { [key: string]: Json } {
  const section2: { [key: string]: Json } | null = report.section2
    ? Object.fromEntries(
        section2Rows(report.format).map((row) => [
          row.key,
          Object.fromEntries(
            row.fields.map((f) => [f.key, section2Value(report.section2, row.key, f.key)]),
          ),
        ]),
      )
    : null;
  const rows: { [key: string]: Json } = {};
  for (const key of section3RowKeys(report.format))
    rows[key] = section3Row(report, key).map((v: Figure) => v);
  const section4: { [key: string]: Json } = {};
  for (const group of SECTION4_GROUPS) {
    section4[group] = Object.fromEntries(
      SECTION4_COLUMNS.map((c) => [c, report.section4[group][c]]),
    );
  }
  return {
    agency: { code: report.agency.code, name: report.agency.name },
    year: report.year,
    format: report.format,
    status: report.status,
    version: report.version,
    section2,
    section3: { columns: [...SECTION3_COLUMNS], rows },
    section4,
    texts: {
      overview: report.texts.overview,
      problems: report.texts.problems,
      other: report.texts.other,
    },
    checks: report.checks.map((c) => ({
      id: c.id,
      ok: c.ok,
      level: c.level,
      message: c.message,
      cells: c.cells.map((ref) => ({ section: ref.section, row: ref.row, column: ref.column })),
      ...(c.sentence ? { sentence: c.sentence } : {}),
      ...(c.acknowledgement ? { acknowledgement: { ...c.acknowledgement } } : {}),
    })),
  };
}

export function renderJson(report: AnnualReport): string {
  return JSON.stringify(toReportJson(report), null, 2) + '\n';
}

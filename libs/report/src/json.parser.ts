import {
  type AnnualReport,
  createReport,
  emptySection2,
  emptySection4,
  formatForYear,
  type Figure,
  type ReportFormat,
  type ReportStatus,
  type Section2,
  section2Rows,
  SECTION3_COLUMNS,
  section3RowKeys,
  type Section3,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
} from './report-model';
import { ReportParseError } from './text.parser';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const figure = (v: unknown): Figure => (typeof v === 'number' ? v : null);

/**
 * Reads the JSON of report-json.md (also the fixtures' JSON, which carry a `source` and may omit
 * status, version, texts, checks or rows of 二 that were not read). Missing cells become null.
 * `checks` are not trusted from input: lint runs them again.
 */
export function parseReportJson(input: string): AnnualReport {
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (error) {
    throw new ReportParseError(
      `JSON 格式错误：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!isObj(data)) throw new ReportParseError('JSON 顶层应为对象');
  const year = data['year'];
  if (typeof year !== 'number' || !Number.isInteger(year)) throw new ReportParseError('缺少 year');
  const format: ReportFormat =
    data['format'] === '2019' ? '2019' : data['format'] === '2021' ? '2021' : formatForYear(year);
  const agency = isObj(data['agency']) ? data['agency'] : {};
  const s3 = isObj(data['section3']) ? data['section3'] : null;
  if (!s3 || !isObj(s3['rows'])) throw new ReportParseError('缺少 section3.rows');
  const rows = s3['rows'];
  const columns = Array.isArray(s3['columns']) ? s3['columns'].map(String) : [...SECTION3_COLUMNS];
  const section3: Section3 = { columns: [...SECTION3_COLUMNS], rows: {} };
  for (const key of section3RowKeys(format)) {
    const raw = rows[key];
    const values = Array.isArray(raw) ? raw : [];
    // Columns are read by name, so a file listing them in another order still lands right.
    section3.rows[key] = SECTION3_COLUMNS.map((col) => figure(values[columns.indexOf(col)]));
  }
  const section4 = emptySection4();
  const s4 = isObj(data['section4']) ? data['section4'] : {};
  for (const g of SECTION4_GROUPS) {
    const group = isObj(s4[g]) ? (s4[g] as Obj) : {};
    for (const c of SECTION4_COLUMNS) section4[g][c] = figure(group[c]);
  }
  let section2: Section2 | null = null;
  if (isObj(data['section2'])) {
    const s2 = data['section2'];
    const out = emptySection2(format, null) as unknown as Record<string, Record<string, Figure>>;
    for (const spec of section2Rows(format)) {
      const row = isObj(s2[spec.key]) ? (s2[spec.key] as Obj) : {};
      const target = out[spec.key] ?? {};
      for (const f of spec.fields) target[f.key] = figure(row[f.key]);
    }
    section2 = out as unknown as Section2;
  }
  const texts = isObj(data['texts']) ? data['texts'] : {};
  const status = data['status'];
  const statuses: readonly ReportStatus[] = ['draft', 'submitted', 'approved', 'published'];
  return createReport({
    agency: { code: String(agency['code'] ?? ''), name: String(agency['name'] ?? '') },
    year,
    format,
    status: statuses.find((s) => s === status) ?? 'published',
    version: typeof data['version'] === 'number' ? data['version'] : null,
    section2,
    section3,
    section4,
    texts: {
      overview: typeof texts['overview'] === 'string' ? texts['overview'] : '',
      problems: typeof texts['problems'] === 'string' ? texts['problems'] : '',
      other: typeof texts['other'] === 'string' ? texts['other'] : '',
    },
  });
}

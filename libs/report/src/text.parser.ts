import {
  type AnnualReport,
  createReport,
  emptySection2,
  type Figure,
  formatForYear,
  type ReportFormat,
  type Section2,
  section2Rows,
  SECTION3_COLUMNS,
  section3RowKeys,
  section3RowLabel,
  type Section3,
  type Section3RowKey,
  type Section4,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  emptySection4,
} from './report-model';

export interface ParseOptions {
  /** Overrides the year read from the report's title or statistics period. */
  year?: number;
  /** Overrides the format detected from the tables. */
  format?: ReportFormat;
  agency?: { code: string; name: string };
  /** Used when neither the title nor the statistics period names the year. */
  defaultYear?: number;
  /** Agency code to record when only the name can be read from the text. */
  agencyCode?: string;
}

export interface ParsedReport {
  report: AnnualReport;
  /** Text before 一、总体情况 (title, legal basis, contacts). */
  preamble: string;
  /** What the parser had to guess: misprinted labels, missing rows, odd cells. */
  warnings: string[];
}

export class ReportParseError extends Error {}

const NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

/** Known headings, official and as misprinted in published reports, longest first. */
const HEADING_VARIANTS: readonly (readonly string[])[] = [
  ['总体情况'],
  ['主动公开政府信息情况'],
  ['收到和处理政府信息公开申请情况'],
  ['政府信息公开行政复议、行政诉讼情况', '政府信息公开行政复议和行政诉讼情况'],
  [
    '政府信息公开工作存在的主要问题及改进情况',
    '存在的主要问题及改进情况',
    '存在的主要问题及改进措施',
    '存在的主要问题和改进情况',
  ],
  ['其他需要报告的事项'],
];

/** Folds the spellings a published label may use: spaces, half-width punctuation, quotes. */
export function normalizeLabel(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/[．。、]/g, '.')
    .replace(/["'‘’「」『』]/g, '“')
    .replace(/”/g, '“');
}

function cleanCell(text: string): string {
  return text
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\s*\n\s*/g, '')
    .trim();
}

const NUMBER = /^[+\-−]?\d[\d,，]*(\.\d+)?$/;

/** Reads a printed figure; `undefined` when the cell is a label, not a figure. */
export function readFigure(raw: string): Figure | undefined {
  const t = cleanCell(raw)
    .replace(/\s+/g, '')
    .replace(/(万元|元|件|个|条)$/, '');
  if (t === '') return null;
  if (/^[/／\-—–]+$/.test(t) || t === '无') return null;
  if (!NUMBER.test(t)) return undefined;
  return Number(t.replace(/[,，]/g, '').replace('−', '-'));
}

interface HeadingHit {
  line: number;
  rest: string;
}

function matchHeading(line: string, index: number): string | null {
  const numeral = NUMERALS[index];
  const trimmed = line.replace(/^[\s\u00a0\u3000]+/, '');
  if (!numeral || !trimmed.startsWith(`${numeral}、`)) return null;
  const body = trimmed.slice(2).replace(/^[\s\u00a0\u3000]+/, '');
  for (const variant of HEADING_VARIANTS[index] ?? []) {
    if (body.startsWith(variant)) return body.slice(variant.length).trim();
  }
  // A misprinted heading: keep it all as heading when short, else split at its first 情况/事项.
  const cut = body.search(/(情况|事项|措施)/);
  return cut >= 0 && cut < 30 ? body.slice(cut + 2).trim() : '';
}

function findHeadings(lines: readonly string[]): (HeadingHit | null)[] {
  const hits: (HeadingHit | null)[] = [];
  let from = 0;
  NUMERALS.forEach((_, index) => {
    const needsTable = index >= 1 && index <= 3;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.startsWith('\t')) continue;
      const rest = matchHeading(line, index);
      if (rest === null) continue;
      if (needsTable) {
        const next = lines.slice(i + 1, i + 4).find((l) => l.trim() !== '');
        if (next === undefined || !next.startsWith('\t')) continue;
      }
      hits.push({ line: i, rest });
      from = i + 1;
      return;
    }
    hits.push(null);
  });
  return hits;
}

/** Rows of cells: a tab line starts a cell, other text continues it, a blank line ends the row. */
export function tokenizeTable(lines: readonly string[]): string[][] {
  const rows: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line.startsWith('\t')) {
      if (!current) {
        current = [];
        rows.push(current);
      }
      current.push(line.slice(1));
    } else if (line.trim() === '') {
      current = null;
    } else if (current && current.length > 0) {
      current[current.length - 1] += `\n${line}`;
    }
  }
  return rows.map((row) => row.map(cleanCell));
}

interface DataRow {
  labels: string[];
  values: Figure[];
}

/** Splits a row into its labels and the figures after the last label. */
function dataRow(cells: readonly string[]): DataRow | null {
  let lastLabel = -1;
  cells.forEach((c, i) => {
    if (c !== '' && readFigure(c) === undefined) lastLabel = i;
  });
  const after = cells.slice(lastLabel + 1);
  const values = after.map((c) => readFigure(c) ?? null);
  if (!values.some((v) => v !== null)) return null;
  return { labels: cells.slice(0, lastLabel + 1).filter((c) => c !== ''), values };
}

function fitSeven(values: Figure[], what: string, warnings: string[]): Figure[] {
  if (values.length === 7) return values;
  warnings.push(`${what}：应有7个数据单元格，读到${values.length}个`);
  return values.length > 7
    ? values.slice(values.length - 7)
    : [...values, ...Array<Figure>(7 - values.length).fill(null)];
}

function parseSection3(
  rows: string[][],
  forced: ReportFormat | undefined,
  year: number,
  warnings: string[],
): { format: ReportFormat; section3: Section3 } {
  const data = rows.map(dataRow).filter((r): r is DataRow => r !== null);
  const has2021OtherRows = data.some((r) =>
    normalizeLabel(r.labels.join('')).includes('逾期不补正'),
  );
  const format: ReportFormat =
    forced ??
    (data.length === 25 || has2021OtherRows
      ? '2021'
      : data.length === 23
        ? '2019'
        : formatForYear(year));
  const keys = section3RowKeys(format);
  const section3: Section3 = { columns: [...SECTION3_COLUMNS], rows: {} };
  let p = 0;
  for (const row of data) {
    if (p >= keys.length) {
      warnings.push(`三：多余的数据行“${row.labels.join('/')}”被忽略`);
      continue;
    }
    const label = normalizeLabel(row.labels[row.labels.length - 1] ?? '');
    let match = -1;
    for (let k = p; k < keys.length && match < 0; k++) {
      const expected = normalizeLabel(section3RowLabel(keys[k] as Section3RowKey));
      if (
        label !== '' &&
        (label === expected || label.includes(expected) || expected.includes(label))
      )
        match = k;
    }
    const index = match >= 0 ? match : p;
    const key = keys[index] as Section3RowKey;
    if (match < 0)
      warnings.push(
        `三：行标签“${row.labels.join('/')}”与“${section3RowLabel(key)}”不符，按顺序读作该行`,
      );
    for (let k = p; k < index; k++) {
      warnings.push(`三：缺少“${section3RowLabel(keys[k] as Section3RowKey)}”行`);
    }
    section3.rows[key] = fitSeven(row.values, `三/${section3RowLabel(key)}`, warnings);
    p = index + 1;
  }
  for (const key of keys) {
    if (!section3.rows[key]) {
      if (p <= keys.indexOf(key)) warnings.push(`三：缺少“${section3RowLabel(key)}”行`);
      section3.rows[key] = SECTION3_COLUMNS.map(() => null);
    }
  }
  return { format, section3 };
}

function parseSection4(rows: string[][], warnings: string[]): Section4 {
  const section4 = emptySection4();
  const candidates = rows
    .filter((row) => row.every((c) => readFigure(c) !== undefined))
    .filter((row) => row.some((c) => readFigure(c) !== null));
  const row = candidates.find((r) => r.length === 15) ?? candidates[candidates.length - 1];
  if (!row) {
    warnings.push('四：未找到数据行');
    for (const g of SECTION4_GROUPS) for (const c of SECTION4_COLUMNS) section4[g][c] = null;
    return section4;
  }
  if (row.length !== 15) warnings.push(`四：应有15个数据单元格，读到${row.length}个`);
  SECTION4_GROUPS.forEach((g, gi) =>
    SECTION4_COLUMNS.forEach((c, ci) => {
      const raw = row[gi * 5 + ci];
      section4[g][c] = raw === undefined ? null : (readFigure(raw) ?? null);
    }),
  );
  return section4;
}

function parseSection2(rows: string[][], format: ReportFormat, warnings: string[]): Section2 {
  const section2 = emptySection2(format, null) as unknown as Record<string, Record<string, Figure>>;
  const specs = section2Rows(format);
  for (const cells of rows) {
    const row = dataRow(cells);
    if (!row) continue;
    const label = normalizeLabel(row.labels[row.labels.length - 1] ?? '');
    const spec =
      specs.find((s) => normalizeLabel(s.label) === label) ??
      specs.find((s) => s.aliases.some((a) => normalizeLabel(a) === label)) ??
      specs.find((s) => label.includes(normalizeLabel(s.label)));
    if (!spec) {
      warnings.push(`二：无法识别的行“${row.labels.join('/')}”`);
      continue;
    }
    if (row.values.length !== spec.fields.length) {
      warnings.push(
        `二/${spec.label}：应有${spec.fields.length}个数据单元格，读到${row.values.length}个`,
      );
    }
    const target = section2[spec.key] ?? {};
    spec.fields.forEach((f, i) => {
      target[f.key] = row.values[i] ?? null;
    });
    section2[spec.key] = target;
  }
  return section2 as unknown as Section2;
}

function detectYear(text: string): number | null {
  const patterns = [
    /(\d{4})\s*年度?\s*政府信息公开工作年度报告/,
    /统计期限[^0-9]{0,10}(\d{4})\s*年/,
    /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(至|起至|到)/,
  ];
  for (const p of patterns) {
    const m = p.exec(text);
    if (m?.[1]) return Number(m[1]);
  }
  return null;
}

function detectAgencyName(text: string): string {
  const m = /([^\s，。；：、“”《》（）()]{2,40}?)\s*\d{4}\s*年度?\s*政府信息公开工作年度报告/.exec(
    text,
  );
  return m?.[1] ? m[1].replace(/^(现|特)?编制(完成)?/, '') : '';
}

function joinText(first: string, lines: readonly string[]): string {
  const all = [first, ...lines];
  while (all.length > 0 && (all[0] ?? '').trim() === '') all.shift();
  while (all.length > 0 && (all[all.length - 1] ?? '').trim() === '') all.pop();
  return all.join('\n');
}

/**
 * Parses a report printed in the text layout of the example report (fixtures README): tolerant
 * of labels broken over lines, misprinted labels (rows are also placed by their official order),
 * blank cells (null) and the empty cells under merged cells.
 */
export function parseReportText(input: string, options: ParseOptions = {}): ParsedReport {
  const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const warnings: string[] = [];
  const hits = findHeadings(lines);
  const [h1, h2, h3, h4, h5, h6] = hits;
  if (!h3) throw new ReportParseError('找不到“三、收到和处理政府信息公开申请情况”及其表格');
  if (!h4) throw new ReportParseError('找不到“四、政府信息公开行政复议、行政诉讼情况”及其表格');
  hits.forEach((h, i) => {
    if (!h) warnings.push(`缺少第${NUMERALS[i]}部分标题`);
  });
  const starts = hits.map((h) => (h ? h.line : null));
  const endOf = (i: number): number => {
    for (let k = i + 1; k < starts.length; k++) {
      const s = starts[k];
      if (s !== null && s !== undefined) return s;
    }
    return lines.length;
  };
  const block = (i: number): string[] => {
    const s = starts[i];
    return s === null || s === undefined ? [] : lines.slice(s + 1, endOf(i));
  };
  const year = options.year ?? detectYear(text) ?? options.defaultYear ?? null;
  if (year === null) throw new ReportParseError('无法确定报告年度');
  const { format, section3 } = parseSection3(
    tokenizeTable(block(2)),
    options.format,
    year,
    warnings,
  );
  const section2 = h2 ? parseSection2(tokenizeTable(block(1)), format, warnings) : null;
  const section4 = parseSection4(tokenizeTable(block(3)), warnings);
  const firstHeading = starts.find((s) => s !== null && s !== undefined) ?? 0;
  const preamble = joinText('', lines.slice(0, firstHeading));
  const report = createReport({
    agency: options.agency ?? { code: options.agencyCode ?? '', name: detectAgencyName(text) },
    year,
    format,
    status: 'published',
    section2,
    section3,
    section4,
    texts: {
      overview: h1 ? joinText(h1.rest, block(0)) : '',
      problems: h5 ? joinText(h5.rest, block(4)) : '',
      other: h6 ? joinText(h6.rest, block(5)) : '',
    },
  });
  return { report, preamble, warnings };
}

const SECTION_HEADING = /^[一二三四五六]、/;

/**
 * A text report reduced to what a reader compares: the section headings and, under each, the
 * table cells row by row (whitespace inside cells folded). Two reports with the same sequence
 * print the same tables in the same places, whatever their prose and line breaks.
 */
export function tableCellSequence(text: string): string[] {
  const out: string[] = [];
  let block: string[] = [];
  const flush = (): void => {
    for (const row of tokenizeTable(block))
      out.push(row.map((c) => c.replace(/\s/g, '')).join(' | '));
    block = [];
  };
  for (const line of text.split('\n')) {
    if (!line.startsWith('\t') && SECTION_HEADING.test(line)) {
      flush();
      out.push(`## ${line.trim()}`);
    } else {
      block.push(line);
    }
  }
  flush();
  return out;
}

import { OUTCOME_GROUPS, outcomeDefinition } from '@gongkai/domain';
import {
  type AnnualReport,
  type CellRef,
  createReport,
  emptySection2,
  emptySection4,
  type Figure,
  formatForYear,
  type ReportFormat,
  type Section2,
  section2Rows,
  SECTION3_COLUMNS,
  section3OutcomeKeys,
  section3RowKeys,
  section3RowLabel,
  type Section3,
  type Section3RowKey,
  type Section4,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
} from '../report-model';
import { allDigitSplits, splitDigitRuns } from './digit-split';
import { labelKey, labelRecall, stripNumbering } from './label-match';
import { type ReportFinding } from './report-findings';
import { ReportParseError } from './parse-error';
import { foldText, type LineCell, type ReportLine } from './report-lines';

export interface ReadOptions {
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

export interface ReadResult {
  report: AnnualReport;
  preamble: string;
  findings: ReportFinding[];
}

const NUMBER = /^[+\-−]?\d[\d,，]*(\.\d+)?$/;

/** Reads a printed figure; `undefined` when the cell is a label, not a figure. */
export function readFigure(raw: string): Figure | undefined {
  const t = foldText(raw)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/(万元|元|件|个|条)$/, '');
  if (t === '') return null;
  if (/^[/／\-—–]+$/.test(t) || t === '无') return null;
  if (!NUMBER.test(t)) return undefined;
  return Number(t.replace(/[,，]/g, '').replace('−', '-'));
}

interface LineInfo {
  line: ReportLine;
  /** Text of the label cells. */
  label: string;
  /** Cells after the last label cell (figures or blanks). */
  valueCells: LineCell[];
  values: Figure[];
}

function analyse(line: ReportLine): LineInfo {
  let lastLabel = -1;
  line.cells.forEach((c, i) => {
    if (c.text !== '' && readFigure(c.text) === undefined) lastLabel = i;
  });
  const valueCells = line.cells.slice(lastLabel + 1);
  const values = valueCells.map((c) => readFigure(c.text) ?? null);
  const hasFigure = values.some((v) => v !== null);
  return {
    line,
    label: line.cells
      .slice(0, lastLabel + 1)
      .map((c) => c.text)
      .filter((t) => t !== '')
      .join(' '),
    valueCells: hasFigure ? valueCells : [],
    values: hasFigure ? values : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Section 三: rows found by their labels, figures aligned to the official rows.

interface KeyLabel {
  key: Section3RowKey;
  labels: string[];
}

function keyLabels(format: ReportFormat): KeyLabel[] {
  return section3RowKeys(format).map((key) => {
    const labels = [stripNumbering(section3RowLabel(key))];
    // A table printing （六）其他处理 as one row (30号 requires its three sub-rows) puts the
    // figures of the group there: read them as 3.其他 and report the missing rows.
    if (key === 'other.other') labels.push('其他处理');
    if (key !== 'received' && key !== 'carried_in' && key !== 'total' && key !== 'carried_forward')
      if (key !== 'other') {
        const def = outcomeDefinition(key);
        if (def.item === null) labels.push(def.label);
      }
    return { key, labels };
  });
}

interface Group {
  index: number;
  own: string;
  around: string;
  cells: LineCell[];
  values: Figure[];
}

const START_LABEL = '本年新收政府信息公开申请数量';
const END_LABEL = '结转下年度继续办理';

function findSection3Range(infos: readonly LineInfo[]): { lo: number; hi: number } | null {
  const textOf = (i: LineInfo): string => i.label || i.line.raw;
  for (let s = 0; s < infos.length; s++) {
    const info = infos[s];
    if (!info || labelRecall(textOf(info), START_LABEL) < 0.75) continue;
    const near = infos.slice(Math.max(0, s - 1), s + 4).some((i) => i.values.length >= 3);
    if (!near) continue;
    for (let e = s + 1; e < infos.length; e++) {
      const end = infos[e];
      if (!end || labelRecall(textOf(end), END_LABEL) < 0.75) continue;
      let lo = s;
      if (
        infos[s]?.values.length === 0 &&
        infos[s - 1]?.label === '' &&
        infos[s - 1]?.values.length
      )
        lo = s - 1;
      let hi = e;
      const next = infos[e + 1];
      if (end.values.length === 0 && next && next.label === '' && next.values.length > 0)
        if (next.values.length <= 7 || next.values.every((v) => v !== null)) hi = e + 1;
      // Figures printed before their label: the carried-forward row's figures precede it.
      return { lo, hi };
    }
  }
  return null;
}

function groupsOf(infos: readonly LineInfo[], lo: number, hi: number): Group[] {
  const at: number[] = [];
  for (let i = lo; i <= hi; i++) if ((infos[i]?.values.length ?? 0) > 0) at.push(i);
  return at.map((index, g) => {
    const from = g === 0 ? lo : (at[g - 1] ?? lo) + 1;
    const to = g === at.length - 1 ? hi : (at[g + 1] ?? hi) - 1;
    const text = (a: number, b: number): string =>
      infos
        .slice(a, b + 1)
        .filter((_, k) => a + k !== index)
        .map((i) => i.label)
        .join('');
    const info = infos[index] as LineInfo;
    return {
      index,
      own: info.label,
      around: `${text(from, index - 1)}${info.label}${text(index + 1, to)}`,
      cells: info.valueCells,
      values: info.values,
    };
  });
}

function score(group: Group, key: KeyLabel): { own: number; best: number } {
  const own = Math.max(...key.labels.map((l) => labelRecall(group.own, l)));
  const around = Math.max(...key.labels.map((l) => labelRecall(group.around, l)));
  return { own, best: Math.max(own, around * 0.95) };
}

/** Monotone alignment of printed row groups to the official rows, maximising label agreement. */
function align(groups: readonly Group[], keys: readonly KeyLabel[]): (number | null)[] {
  const m = groups.length;
  const n = keys.length;
  const s = groups.map((g) => keys.map((k) => score(g, k).best));
  // Flat (m+1)×(n+1) tables: dp is the best total so far, move how it was reached.
  const width = n + 1;
  const dp = new Float64Array((m + 1) * width);
  const move = new Uint8Array((m + 1) * width);
  const SKIP = -0.05;
  for (let j = 0; j <= m; j++) {
    for (let k = 0; k <= n; k++) {
      if (j === 0 && k === 0) continue;
      let best = -Infinity;
      let how = 0;
      if (j > 0 && k > 0) {
        const v = (dp[(j - 1) * width + k - 1] ?? 0) + 0.3 + (s[j - 1]?.[k - 1] ?? 0);
        if (v > best) [best, how] = [v, 1];
      }
      if (j > 0) {
        const v = (dp[(j - 1) * width + k] ?? 0) + SKIP;
        if (v > best) [best, how] = [v, 2];
      }
      if (k > 0) {
        const v = (dp[j * width + k - 1] ?? 0) + SKIP;
        if (v > best) [best, how] = [v, 3];
      }
      dp[j * width + k] = best;
      move[j * width + k] = how;
    }
  }
  const assigned: (number | null)[] = Array<number | null>(m).fill(null);
  let j = m;
  let k = n;
  while (j > 0 || k > 0) {
    const how = move[j * width + k];
    if (how === 1) {
      assigned[j - 1] = k - 1;
      j--;
      k--;
    } else if (how === 2) j--;
    else k--;
  }
  return assigned;
}

const ROW_CELLS = SECTION3_COLUMNS.length;
const rowSumHolds = (v: readonly number[]): boolean =>
  v.slice(0, ROW_CELLS - 1).reduce((a, b) => a + b, 0) === v[ROW_CELLS - 1];

function columnCentres(groups: readonly Group[]): number[] | null {
  const full = groups.filter(
    (g) => g.cells.length === ROW_CELLS && g.cells.every((c) => c.x !== undefined),
  );
  if (full.length === 0) return null;
  return Array.from({ length: ROW_CELLS }, (_, c) => {
    const xs = full.map((g) => centre(g.cells[c] as LineCell)).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)] ?? 0;
  });
}

const centre = (c: LineCell): number => (c.x ?? 0) + (c.width ?? 0) / 2;

const cells3 = (key: Section3RowKey): CellRef[] =>
  SECTION3_COLUMNS.map((column) => ({ section: '3', row: key, column }));

function rowFigures(
  group: Group,
  key: Section3RowKey,
  centres: number[] | null,
  findings: ReportFinding[],
  ambiguous: Map<Section3RowKey, { runs: string[]; finding: ReportFinding }>,
): Figure[] {
  const label = section3RowLabel(key);
  const values = group.values;
  if (values.length === ROW_CELLS) return values;
  // Positioned cells: a blank cell has no text item, so place each figure under its column.
  if (centres && values.length < ROW_CELLS && group.cells.every((c) => c.x !== undefined)) {
    const out: Figure[] = Array<Figure>(ROW_CELLS).fill(null);
    let clash = false;
    group.cells.forEach((c, i) => {
      const x = centre(c);
      let best = 0;
      centres.forEach((cx, k) => {
        if (Math.abs(cx - x) < Math.abs((centres[best] ?? 0) - x)) best = k;
      });
      if (out[best] !== null) clash = true;
      out[best] = values[i] ?? null;
    });
    if (!clash) return out;
  }
  const runs = group.cells.map((c) => c.text.replace(/[\s,，]/g, ''));
  if (values.length < ROW_CELLS && runs.some((r) => r.length > 1)) {
    const split = splitDigitRuns(runs, ROW_CELLS, rowSumHolds);
    if (Array.isArray(split)) {
      findings.push({
        kind: 'split_digits',
        level: 'warning',
        message: `三/${label}：数字连在一起（“${runs.join(' ')}”），按行合计唯一拆分为 ${split.join(' ')}`,
        printed: runs.join(' '),
        cells: cells3(key),
      });
      return split;
    }
    const finding: ReportFinding = {
      kind: 'ambiguous_row',
      level: 'error',
      message: `三/${label}：数字连在一起（“${runs.join(' ')}”），${split === 'ambiguous' ? '可有多种拆分' : '无法按行合计拆分'}，未读取该行`,
      printed: runs.join(' '),
      cells: cells3(key),
    };
    findings.push(finding);
    if (split === 'ambiguous') ambiguous.set(key, { runs, finding });
    return SECTION3_COLUMNS.map(() => null);
  }
  findings.push({
    kind: 'cell_count',
    level: values.length < ROW_CELLS ? 'error' : 'warning',
    message: `三/${label}：应有${ROW_CELLS}个数据单元格，读到${values.length}个`,
    printed: runs.join(' '),
    cells: cells3(key),
  });
  return values.length > ROW_CELLS
    ? values.slice(values.length - ROW_CELLS)
    : SECTION3_COLUMNS.map(() => null);
}

/**
 * One row whose run of digits the row sum leaves ambiguous: the column identities of the whole
 * table (一+二 = （七）+四, the outcome rows add to （七）, regulation.md §1.6) decide, when exactly
 * one of the splits satisfies them in every column.
 */
function resolveByColumns(
  section3: Section3,
  format: ReportFormat,
  ambiguous: Map<Section3RowKey, { runs: string[]; finding: ReportFinding }>,
  findings: ReportFinding[],
): void {
  if (ambiguous.size !== 1) return;
  const [key, { runs, finding }] = [...ambiguous][0] as [
    Section3RowKey,
    { runs: string[]; finding: ReportFinding },
  ];
  const outcomeKeys = section3OutcomeKeys(format);
  const cell = (k: Section3RowKey, c: number): number => section3.rows[k]?.[c] ?? 0;
  const columnsHold = (): boolean =>
    SECTION3_COLUMNS.every(
      (_, c) =>
        cell('received', c) + cell('carried_in', c) ===
          cell('total', c) + cell('carried_forward', c) &&
        outcomeKeys.reduce((a, k) => a + cell(k, c), 0) === cell('total', c),
    );
  const fitting = allDigitSplits(runs, ROW_CELLS, rowSumHolds).filter((candidate) => {
    section3.rows[key] = candidate;
    return columnsHold();
  });
  if (fitting.length === 1 && fitting[0]) {
    section3.rows[key] = fitting[0];
    findings.splice(findings.indexOf(finding), 1, {
      kind: 'split_digits',
      level: 'warning',
      message: `三/${section3RowLabel(key)}：数字连在一起（“${runs.join(' ')}”），按行、列合计唯一拆分为 ${fitting[0].join(' ')}`,
      printed: runs.join(' '),
      cells: cells3(key),
    });
  } else {
    section3.rows[key] = SECTION3_COLUMNS.map(() => null);
  }
}

function printedLabel(group: Group): string {
  const own = group.own.replace(/^[、，,.．\s]+/, '').trim();
  return /[\u4e00-\u9fff]/.test(own) ? own : group.around.trim();
}

function readSection3(
  infos: readonly LineInfo[],
  range: { lo: number; hi: number },
  format: ReportFormat,
  findings: ReportFinding[],
): Section3 {
  const groups = groupsOf(infos, range.lo, range.hi);
  const keys = keyLabels(format);
  const assigned = align(groups, keys);
  const centres = columnCentres(groups);
  const section3: Section3 = { columns: [...SECTION3_COLUMNS], rows: {} };
  const ambiguous = new Map<Section3RowKey, { runs: string[]; finding: ReportFinding }>();
  groups.forEach((group, j) => {
    const k = assigned[j];
    if (k === null || k === undefined) {
      findings.push({
        kind: 'extra_row',
        level: 'warning',
        message: `三：多余的数据行“${printedLabel(group) || group.values.join(' ')}”，未计入`,
        printed: printedLabel(group),
        cells: [],
      });
      return;
    }
    const key = (keys[k] as KeyLabel).key;
    const sc = score(group, keys[k] as KeyLabel);
    if (sc.best < 0.85) {
      const printed = printedLabel(group);
      findings.push({
        kind: 'misprint',
        level: 'warning',
        message: `三：行标签“${printed}”与“${section3RowLabel(key)}”不符，按位置读作该行`,
        printed,
        cells: cells3(key),
      });
    }
    section3.rows[key] = rowFigures(group, key, centres, findings, ambiguous);
  });
  resolveByColumns(section3, format, ambiguous, findings);
  for (const { key } of keys) {
    if (section3.rows[key]) continue;
    const def = key.includes('.') ? outcomeDefinition(key as never) : null;
    const group = def ? OUTCOME_GROUPS.find((g) => g.group === def.group) : null;
    findings.push({
      kind: 'missing_row',
      level: 'error',
      message: `三：缺少“${group ? `${group.number}${group.label}/` : ''}${section3RowLabel(key)}”行（国办公开办函〔2021〕30号格式规定的行）`,
      cells: cells3(key),
    });
    section3.rows[key] = SECTION3_COLUMNS.map(() => null);
  }
  return section3;
}

// ---------------------------------------------------------------------------------------------
// Section 四: the one data row of fifteen figures after 三.

const SECTION4_CELLS = SECTION4_GROUPS.length * SECTION4_COLUMNS.length;
const groupSumsHold = (v: readonly number[]): boolean =>
  SECTION4_GROUPS.every((_, g) => {
    const part = v.slice(g * 5, g * 5 + 5);
    return part.slice(0, 4).reduce((a, b) => a + b, 0) === part[4];
  });

function readSection4(
  infos: readonly LineInfo[],
  from: number,
  findings: ReportFinding[],
): { section4: Section4; line: number | null } {
  const section4 = emptySection4();
  const fill = (values: readonly Figure[]): void =>
    SECTION4_GROUPS.forEach((g, gi) =>
      SECTION4_COLUMNS.forEach((c, ci) => {
        section4[g][c] = values[gi * 5 + ci] ?? null;
      }),
    );
  let marker = infos.findIndex((i, k) => k >= from && labelKey(i.line.raw).includes('行政复议'));
  if (marker < 0) marker = from;
  const dataLines = infos
    .map((info, index) => ({ info, index }))
    .filter(({ info, index }) => index >= marker && info.values.length > 0 && info.label === '');
  const exact = dataLines.find(({ info }) => info.values.length === SECTION4_CELLS);
  if (exact) {
    fill(exact.info.values);
    return { section4, line: exact.index };
  }
  // A row broken over lines, or figures run together.
  const first = dataLines[0];
  if (first) {
    const run: LineInfo[] = [];
    let count = 0;
    for (const { info, index } of dataLines) {
      if (index !== first.index + run.length || count >= SECTION4_CELLS) break;
      run.push(info);
      count += info.values.length;
    }
    const values = run.flatMap((i) => i.values);
    if (values.length === SECTION4_CELLS) {
      fill(values);
      return { section4, line: first.index + run.length - 1 };
    }
    const runs = run.flatMap((i) => i.valueCells.map((c) => c.text.replace(/[\s,，]/g, '')));
    const split = splitDigitRuns(runs, SECTION4_CELLS, groupSumsHold);
    if (Array.isArray(split)) {
      fill(split);
      findings.push({
        kind: 'split_digits',
        level: 'warning',
        message: `四：数字连在一起（“${runs.join(' ')}”），按各组合计唯一拆分为 ${split.join(' ')}`,
        printed: runs.join(' '),
        cells: [],
      });
      return { section4, line: first.index + run.length - 1 };
    }
    findings.push({
      kind: split === 'ambiguous' ? 'ambiguous_row' : 'cell_count',
      level: 'error',
      message: `四：应有${SECTION4_CELLS}个数据单元格，读到“${runs.join(' ')}”，无法唯一读取`,
      printed: runs.join(' '),
      cells: [],
    });
  } else {
    findings.push({
      kind: 'missing_table',
      level: 'error',
      message: '四：未找到行政复议、行政诉讼情况的数据行',
      cells: [],
    });
  }
  fill(Array<Figure>(SECTION4_CELLS).fill(null));
  return { section4, line: null };
}

// ---------------------------------------------------------------------------------------------
// Section 二: rows by their exact labels.

function readSection2(
  infos: readonly LineInfo[],
  from: number,
  to: number,
  format: ReportFormat,
  findings: ReportFinding[],
): Section2 | null {
  const section2 = emptySection2(format, null) as unknown as Record<string, Record<string, Figure>>;
  const specs = section2Rows(format);
  let found = false;
  for (const info of infos.slice(from, to)) {
    if (info.values.length === 0) continue;
    const label = labelKey(stripNumbering(info.label.split(' ').pop() ?? ''));
    const spec =
      specs.find((s) => labelKey(s.label) === label) ??
      specs.find((s) => s.aliases.some((a) => labelKey(a) === label));
    if (!spec) continue;
    found = true;
    if (info.values.length !== spec.fields.length) {
      findings.push({
        kind: 'cell_count',
        level: 'warning',
        message: `二/${spec.label}：应有${spec.fields.length}个数据单元格，读到${info.values.length}个`,
        cells: [],
      });
    }
    const target = section2[spec.key] ?? {};
    spec.fields.forEach((f, i) => {
      target[f.key] = info.values[i] ?? null;
    });
    section2[spec.key] = target;
  }
  return found ? (section2 as unknown as Section2) : null;
}

// ---------------------------------------------------------------------------------------------
// Headings, narrative, year and agency.

const NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

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

/** The rest of a heading line after the heading, or null when the line is not that heading. */
function matchHeading(raw: string, index: number): string | null {
  const numeral = NUMERALS[index];
  const trimmed = raw.replace(/^[\s\u00a0\u3000]+/, '');
  if (!numeral || !/^[、.．]/.test(trimmed.slice(numeral.length)) || !trimmed.startsWith(numeral))
    return null;
  const body = trimmed.slice(numeral.length + 1).replace(/^[\s\u00a0\u3000]+/, '');
  for (const variant of HEADING_VARIANTS[index] ?? []) {
    const compact = body.replace(/\s+/g, '');
    if (compact.startsWith(variant)) {
      // Keep the original spacing of the text after the heading.
      let seen = 0;
      let cut = 0;
      while (cut < body.length && seen < variant.length) {
        if (!/\s/.test(body[cut] ?? '')) seen++;
        cut++;
      }
      return body.slice(cut).trim();
    }
  }
  const best = Math.max(...(HEADING_VARIANTS[index] ?? []).map((v) => labelRecall(body, v)));
  if (best < 0.6) return null;
  const cut = body.search(/(情况|事项|措施)/);
  return cut >= 0 && cut < 30 ? body.slice(cut + 2).trim() : '';
}

function detectYear(text: string): number | null {
  const t = foldText(text);
  const patterns = [
    /(20\d{2})\s*年度?\s*(政府)?\s*信\s*息\s*公\s*开\s*工\s*作\s*年\s*度\s*报\s*告/,
    /统计期限[^0-9]{0,10}(20\d{2})\s*年/,
    /(20\d{2})\s*年\s*1\s*月\s*1\s*日\s*(起\s*)?(至|到)/,
  ];
  for (const p of patterns) {
    const m = p.exec(t);
    if (m?.[1]) return Number(m[1]);
  }
  return null;
}

function detectAgencyName(text: string): string {
  const m =
    /([^\s，。；：、“”《》（）()]{2,40}?)\s*(20\d{2})\s*年度?\s*政府信息公开工作年度报告/.exec(
      foldText(text),
    );
  return m?.[1] ? m[1].replace(/^(现|特)?编制(完成)?/, '') : '';
}

function joinText(first: string, lines: readonly string[]): string {
  const all = [first, ...lines];
  while (all.length > 0 && (all[0] ?? '').trim() === '') all.shift();
  while (all.length > 0 && (all[all.length - 1] ?? '').trim() === '') all.pop();
  return all.join('\n');
}

function hasOtherRows2021(infos: readonly LineInfo[], range: { lo: number; hi: number }): boolean {
  return infos
    .slice(range.lo, range.hi + 1)
    .some((i) => labelKey(i.line.raw).includes('逾期不补正'));
}

/**
 * The one table reader of every format: finds 表三 by its first and last row labels and 表四 by
 * its data row after it, wherever they stand (a sentence between heading and table, no heading
 * at all), aligns the printed rows to the official rows by label, and reports what does not
 * match the 30号 format as findings.
 */
export function readReportLines(
  lines: readonly ReportLine[],
  options: ReadOptions = {},
): ReadResult {
  const infos = lines.map(analyse);
  const allText = lines.map((l) => l.raw).join('\n');
  const findings: ReportFinding[] = [];
  const range = findSection3Range(infos);
  if (!range)
    throw new ReportParseError(
      '找不到“三、收到和处理政府信息公开申请情况”的表格（未找到“一、本年新收政府信息公开申请数量”至“四、结转下年度继续办理”各行）',
    );
  const year = options.year ?? detectYear(allText) ?? options.defaultYear ?? null;
  if (year === null) throw new ReportParseError('无法确定报告年度（可用 --year 指定）');
  const format: ReportFormat =
    options.format ?? (hasOtherRows2021(infos, range) ? '2021' : formatForYear(year));
  const section3 = readSection3(infos, range, format, findings);
  const s4 = readSection4(infos, range.hi + 1, findings);

  // Headings outside the tables.
  const inTable = (i: number): boolean =>
    (i >= range.lo && i <= range.hi) || (s4.line !== null && i > range.hi && i <= s4.line);
  const headingAt: ({ line: number; rest: string } | null)[] = [];
  let from = 0;
  NUMERALS.forEach((_, index) => {
    for (let i = from; i < infos.length; i++) {
      if (inTable(i)) continue;
      if (index === 2 && i > range.lo) break;
      if (index === 3 && (i < range.hi || (s4.line !== null && i > s4.line))) continue;
      if (index >= 4 && s4.line !== null && i < s4.line) continue;
      const info = infos[i] as LineInfo;
      if (info.values.length > 0 && info.label === '') continue;
      const rest = matchHeading(info.line.raw, index);
      if (rest === null) continue;
      headingAt[index] = { line: i, rest };
      from = i + 1;
      return;
    }
    headingAt[index] = null;
  });
  const starts = headingAt.map((h) => (h ? h.line : null));
  const next = (i: number, fallback: number): number => {
    for (let k = i + 1; k < starts.length; k++) {
      const s = starts[k];
      if (s !== null && s !== undefined) return Math.min(s, fallback);
    }
    return fallback;
  };
  const prose = (a: number, b: number): string[] =>
    lines
      .slice(a, b)
      .filter((_, k) => !inTable(a + k))
      .map((l) => l.raw);
  const text = (index: number, end: number): string => {
    const h = headingAt[index];
    return h ? joinText(h.rest, prose(h.line + 1, next(index, end))) : '';
  };
  const h2 = headingAt[1];
  const section2 = readSection2(
    infos,
    h2 ? h2.line + 1 : headingAt[0] ? (headingAt[0].line ?? 0) + 1 : 0,
    headingAt[2]?.line ?? range.lo,
    format,
    findings,
  );
  const firstHeading = starts.find((s) => s !== null && s !== undefined) ?? range.lo;
  const preamble = joinText('', prose(0, firstHeading));
  const overviewEnd = h2?.line ?? headingAt[2]?.line ?? range.lo;
  const report = createReport({
    agency: options.agency ?? {
      code: options.agencyCode ?? '',
      name: detectAgencyName(allText),
    },
    year,
    format,
    status: 'published',
    section2,
    section3,
    section4: s4.section4,
    texts: {
      overview: text(0, overviewEnd),
      problems: text(4, lines.length),
      other: text(5, lines.length),
    },
  });
  return { report, preamble, findings };
}

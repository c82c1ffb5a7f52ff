import {
  type AnnualReport,
  type CellRef,
  type CheckId,
  type CheckLevel,
  type CheckResult,
  type Figure,
  section2Rows,
  section2Value,
  section3ColumnLabel,
  section3OutcomeKeys,
  section3Row,
  section3RowKeys,
  section3RowLabel,
  type Section3RowKey,
  SECTION3_COLUMNS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section4ColumnLabel,
  section4GroupLabel,
} from './report-model';
import { checkN1, checkN2 } from './narrative.checks';
import { type ReportFinding } from './reader/report-findings';

/** Levels of regulation.md §1.6: I5 and I6 may legitimately break, so they only warn. */
export const CHECK_LEVELS: Readonly<Record<CheckId, CheckLevel>> = {
  I1: 'error',
  I2: 'error',
  I3: 'error',
  I4: 'error',
  I5: 'warning',
  I6: 'warning',
  I7: 'error',
  N1: 'error',
  N2: 'error',
  S1: 'error',
};

const CHECK_TITLES: Readonly<Record<CheckId, string>> = {
  I1: '第一项加第二项之和等于第三项（七）总计加第四项之和（各列）',
  I2: '总计列等于自然人与法人或其他组织各列之和（各行）',
  I3: '（七）总计等于各项办理结果之和（各列）',
  I4: '行政复议、行政诉讼各组总计等于结果维持、结果纠正、其他结果、尚未审结之和',
  I5: '本年上年结转等于上年度结转下年度继续办理（各列）',
  I6: '现行有效件数约等于上年现行有效件数加本年制发件数减本年废止件数',
  I7: '各项数量为非负整数，仅本年收费金额为小数',
  N1: '正文所述申请数量与表三一致',
  N2: '正文所述信息处理费前后一致',
  S1: '表格结构符合国办公开办函〔2021〕30号格式',
};

const TOTAL = SECTION3_COLUMNS.length - 1;
const n = (v: Figure | undefined): number => v ?? 0;
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const fmt = (v: number): string => String(Math.round(v * 1e6) / 1e6);

const cell3 = (row: Section3RowKey, column: number): CellRef => ({
  section: '3',
  row,
  column: SECTION3_COLUMNS[column] ?? String(column),
});

function failure(
  id: CheckId,
  message: string,
  cells: CellRef[],
  level = CHECK_LEVELS[id],
): CheckResult {
  return { id, ok: false, level, message: `${id} ${message}`, cells };
}

function passed(id: CheckId, note = ''): CheckResult {
  return {
    id,
    ok: true,
    level: CHECK_LEVELS[id],
    message: `${id} 成立：${CHECK_TITLES[id]}${note}`,
    cells: [],
  };
}

/** All failures of one identity, or its single "holds" entry. */
function outcome(id: CheckId, failures: CheckResult[], note = ''): CheckResult[] {
  return failures.length > 0 ? failures : [passed(id, note)];
}

function checkI1(report: AnnualReport): CheckResult[] {
  const rec = section3Row(report, 'received');
  const cin = section3Row(report, 'carried_in');
  const tot = section3Row(report, 'total');
  const cfw = section3Row(report, 'carried_forward');
  const failures: CheckResult[] = [];
  SECTION3_COLUMNS.forEach((col, c) => {
    const left = n(rec[c]) + n(cin[c]);
    const right = n(tot[c]) + n(cfw[c]);
    if (left !== right) {
      failures.push(
        failure(
          'I1',
          `不成立（${section3ColumnLabel(col)}列）：一、本年新收 ${fmt(n(rec[c]))} + 二、上年结转 ${fmt(n(cin[c]))} = ${fmt(left)}，` +
            `而（七）总计 ${fmt(n(tot[c]))} + 四、结转下年度继续办理 ${fmt(n(cfw[c]))} = ${fmt(right)}`,
          [
            cell3('received', c),
            cell3('carried_in', c),
            cell3('total', c),
            cell3('carried_forward', c),
          ],
        ),
      );
    }
  });
  return outcome('I1', failures);
}

function checkI2(report: AnnualReport): CheckResult[] {
  const failures: CheckResult[] = [];
  for (const key of section3RowKeys(report.format)) {
    const row = section3Row(report, key);
    const parts = row.slice(0, TOTAL).map(n);
    const expected = sum(parts);
    if (expected !== n(row[TOTAL])) {
      failures.push(
        failure(
          'I2',
          `不成立（${section3RowLabel(key)}）：自然人与法人或其他组织各列之和 ${parts.map(fmt).join(' + ')} = ${fmt(expected)}，而总计为 ${fmt(n(row[TOTAL]))}`,
          SECTION3_COLUMNS.map((_, c) => cell3(key, c)),
        ),
      );
    }
  }
  return outcome('I2', failures);
}

function checkI3(report: AnnualReport): CheckResult[] {
  const keys = section3OutcomeKeys(report.format);
  const tot = section3Row(report, 'total');
  const failures: CheckResult[] = [];
  SECTION3_COLUMNS.forEach((col, c) => {
    const expected = sum(keys.map((k) => n(section3Row(report, k)[c])));
    if (expected !== n(tot[c])) {
      failures.push(
        failure(
          'I3',
          `不成立（${section3ColumnLabel(col)}列）：各项办理结果之和为 ${fmt(expected)}，而（七）总计为 ${fmt(n(tot[c]))}`,
          [...keys.map((k) => cell3(k, c)), cell3('total', c)],
        ),
      );
    }
  });
  return outcome('I3', failures);
}

function checkI4(report: AnnualReport): CheckResult[] {
  const failures: CheckResult[] = [];
  for (const group of SECTION4_GROUPS) {
    const g = report.section4[group];
    const parts = [g.maintained, g.corrected, g.other, g.pending].map(n);
    if (sum(parts) !== n(g.total)) {
      failures.push(
        failure(
          'I4',
          `不成立（${section4GroupLabel(group)}）：结果维持、结果纠正、其他结果、尚未审结之和 ${parts.map(fmt).join(' + ')} = ${fmt(sum(parts))}，而总计为 ${fmt(n(g.total))}`,
          SECTION4_COLUMNS.map((column) => ({ section: '4', row: group, column })),
        ),
      );
    }
  }
  return outcome('I4', failures);
}

function checkI5(report: AnnualReport, previous: AnnualReport): CheckResult[] {
  const cin = section3Row(report, 'carried_in');
  const prev = section3Row(previous, 'carried_forward');
  const failures: CheckResult[] = [];
  SECTION3_COLUMNS.forEach((col, c) => {
    if (n(cin[c]) !== n(prev[c])) {
      failures.push(
        failure(
          'I5',
          `不成立（${section3ColumnLabel(col)}列）：${report.year}年二、上年结转 ${fmt(n(cin[c]))}，而${previous.year}年四、结转下年度继续办理为 ${fmt(n(prev[c]))}（机构调整时可能合理）`,
          [cell3('carried_in', c)],
        ),
      );
    }
  });
  return outcome('I5', failures);
}

function checkI6(report: AnnualReport, previous: AnnualReport): CheckResult[] {
  const failures: CheckResult[] = [];
  for (const row of ['rules', 'normativeDocuments'] as const) {
    const now = section2Value(report.section2, row, 'inForce');
    const before = section2Value(previous.section2, row, 'inForce');
    const issued = section2Value(report.section2, row, 'issued');
    const repealed = section2Value(report.section2, row, 'repealed');
    // A "/" (not applicable) cell on either side leaves nothing to compare.
    if (now === null || before === null || issued === null || repealed === null) continue;
    const expected = before + issued - repealed;
    if (expected !== now) {
      const label = row === 'rules' ? '规章' : '行政规范性文件';
      failures.push(
        failure(
          'I6',
          `不成立（${label}）：上年现行有效件数 ${fmt(before)} + 本年制发件数 ${fmt(issued)} − 本年废止件数 ${fmt(repealed)} = ${fmt(expected)}，而现行有效件数为 ${fmt(now)}（修订、清理可能导致差异）`,
          ['issued', 'repealed', 'inForce'].map((column) => ({ section: '2', row, column })),
        ),
      );
    }
  }
  return outcome('I6', failures);
}

function checkI7(report: AnnualReport): CheckResult[] {
  const failures: CheckResult[] = [];
  const blanks: CellRef[] = [];
  const inspect = (
    value: Figure | undefined,
    ref: CellRef,
    label: string,
    opts: { decimal?: boolean; signed?: boolean; blankAllowed: boolean },
  ): void => {
    if (value === null || value === undefined) {
      if (!opts.blankAllowed) blanks.push(ref);
      return;
    }
    const bad =
      !Number.isFinite(value) ||
      (!opts.decimal && !Number.isInteger(value)) ||
      (!opts.signed && value < 0);
    if (bad) {
      const kind = opts.decimal ? '非负数' : opts.signed ? '整数' : '非负整数';
      failures.push(failure('I7', `不成立（${label}）：${fmt(value)} 不是${kind}`, [ref]));
    }
  };
  for (const key of section3RowKeys(report.format)) {
    const row = section3Row(report, key);
    SECTION3_COLUMNS.forEach((col, c) =>
      inspect(row[c], cell3(key, c), `${section3RowLabel(key)} / ${section3ColumnLabel(col)}`, {
        blankAllowed: false,
      }),
    );
  }
  for (const group of SECTION4_GROUPS) {
    for (const column of SECTION4_COLUMNS) {
      inspect(
        report.section4[group][column],
        { section: '4', row: group, column },
        `${section4GroupLabel(group)} / ${section4ColumnLabel(column)}`,
        { blankAllowed: false },
      );
    }
  }
  // Section 二 prints "/" for not applicable (null): allowed, distinct from 0 (regulation.md §1.2).
  for (const spec of section2Rows(report.format)) {
    for (const f of spec.fields) {
      inspect(
        section2Value(report.section2, spec.key, f.key),
        { section: '2', row: spec.key, column: f.key },
        `${spec.label} / ${f.label}`,
        { decimal: f.decimal, signed: 'signed' in f ? f.signed : false, blankAllowed: true },
      );
    }
  }
  const results = outcome('I7', failures);
  if (blanks.length > 0) {
    // Fixtures README: a blank published cell is read as 0, and the checker says so.
    results.push({
      id: 'I7',
      ok: false,
      level: 'warning',
      message: `I7 提示：${blanks.length}个空白单元格按0计算`,
      cells: blanks,
    });
  }
  return results;
}

export interface CheckOptions {
  /** What the reader found about a published table's structure (S1). */
  findings?: readonly ReportFinding[];
  /** Information-processing fees the desk recorded for the year, in 元 (N2). */
  recordedFeesYuan?: number | null;
}

/** S1: the reader's findings about the printed tables, each a check result naming its row. */
export function structureChecks(findings: readonly ReportFinding[]): CheckResult[] {
  if (findings.length === 0) return [passed('S1')];
  return findings.map((f) => ({
    id: 'S1' as const,
    ok: false,
    level: f.level,
    message: `S1 ${f.message}`,
    cells: f.cells,
  }));
}

/**
 * Runs the identities of regulation.md §1.6 on a report (I5 and I6 only when `previous` is the
 * report of the year before), N1 and N2 (the narrative against the tables and fees) and, for a
 * published table that was read, S1 (its structure).
 */
export function runChecks(
  report: AnnualReport,
  previous?: AnnualReport | null,
  options: CheckOptions = {},
): CheckResult[] {
  const results = [...checkI1(report), ...checkI2(report), ...checkI3(report), ...checkI4(report)];
  if (previous && previous.year === report.year - 1) {
    results.push(...checkI5(report, previous));
    if (report.format === '2021' && previous.format === '2021')
      results.push(...checkI6(report, previous));
  }
  results.push(
    ...checkI7(report),
    ...checkN1(report),
    ...checkN2(report, options.recordedFeesYuan),
  );
  if (options.findings) results.push(...structureChecks(options.findings));
  return results.sort((a, b) => a.id.localeCompare(b.id));
}

export interface LintResult {
  /** The report with `checks` filled in. */
  report: AnnualReport;
  /** Failing checks, errors and warnings. */
  failures: CheckResult[];
  /** True when no error-level check fails. */
  ok: boolean;
}

export function lintReport(
  report: AnnualReport,
  previous?: AnnualReport | null,
  options: CheckOptions = {},
): LintResult {
  const checks = runChecks(report, previous, options);
  const failures = checks.filter((c) => !c.ok);
  return {
    report: { ...report, checks },
    failures,
    ok: !failures.some((c) => c.level === 'error'),
  };
}

/** Human-readable cell name, e.g. `三/一、本年新收政府信息公开申请数量/自然人`. */
export function describeCell(ref: CellRef): string {
  if (ref.section === '3') {
    const col = SECTION3_COLUMNS.find((c) => c === ref.column);
    return `三/${section3RowLabel(ref.row as Section3RowKey)}/${col ? section3ColumnLabel(col) : ref.column}`;
  }
  if (ref.section === '4') {
    const group = SECTION4_GROUPS.find((g) => g === ref.row);
    const column = SECTION4_COLUMNS.find((c) => c === ref.column);
    return `四/${group ? section4GroupLabel(group) : ref.row}/${column ? section4ColumnLabel(column) : ref.column}`;
  }
  for (const format of ['2021', '2019'] as const) {
    const spec = section2Rows(format).find((r) => r.key === ref.row);
    const field = spec?.fields.find((f) => f.key === ref.column);
    if (spec && field) return `二/${spec.label}/${field.label}`;
  }
  return `二/${ref.row}/${ref.column}`;
}

import { describeCell, lintReport, type LintResult } from './consistency.checks';
import { type ReportFinding } from './reader/report-findings';
import {
  type AnnualReport,
  SECTION3_COLUMNS,
  section3RowKeys,
  section3RowLabel,
} from './report-model';
import { parseReport, type ReportFileKind, type ReportReadOptions } from './report.parser';
import { type ParsedReport } from './text.parser';

export interface LintOutcome {
  parsed: ParsedReport;
  result: LintResult;
}

/** Parses a published report in any supported form and runs the checks of regulation.md §1.6. */
export async function lintReportContent(
  content: Uint8Array | string,
  kind: ReportFileKind,
  options: ReportReadOptions & { previous?: AnnualReport | null } = {},
): Promise<LintOutcome> {
  const parsed = await parseReport(content, kind, options);
  // A JSON report is the model itself; an all-null row in it is a row the published table lacks
  // (fixtures README), the same structure finding as for a printed table.
  const findings = kind === 'json' ? missingRowsOfJson(parsed.report) : parsed.findings;
  return { parsed, result: lintReport(parsed.report, options.previous, { findings }) };
}

function missingRowsOfJson(report: AnnualReport): ReportFinding[] | undefined {
  const missing = section3RowKeys(report.format).filter((key) =>
    (report.section3.rows[key] ?? []).every((v) => v === null),
  );
  if (missing.length === 0) return undefined;
  return missing.map((key) => ({
    kind: 'missing_row',
    level: 'error',
    message: `三：缺少“${section3RowLabel(key)}”行（各单元格均为空）`,
    cells: SECTION3_COLUMNS.map((column) => ({ section: '3', row: key, column })),
  }));
}

const LEVEL_LABEL = { error: '错误', warning: '警告' } as const;

/** The Chinese report `gongkai lint` prints: every failing check with the cells it names. */
export function formatLintText(outcome: LintOutcome, fileName: string): string {
  const { report } = outcome.result;
  const lines = [
    `${fileName}：${report.agency.name || report.agency.code || '（未识别机关）'} ${report.year}年度（${report.format}年格式）`,
  ];
  for (const check of outcome.result.failures) {
    lines.push(`  [${LEVEL_LABEL[check.level]}] ${check.message}`);
    if (check.cells.length > 0)
      lines.push(`    涉及单元格：${check.cells.map(describeCell).join('；')}`);
  }
  const errors = outcome.result.failures.filter((c) => c.level === 'error').length;
  const warnings = outcome.result.failures.length - errors;
  lines.push(
    errors === 0
      ? `  通过：勾稽关系成立${warnings > 0 ? `（${warnings}条警告）` : ''}`
      : `  未通过：${errors}项错误，${warnings}项警告`,
  );
  return lines.join('\n') + '\n';
}

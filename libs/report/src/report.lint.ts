import { describeCell, lintReport, type LintResult } from './consistency.checks';
import { type AnnualReport } from './report-model';
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
  // A JSON report is the model itself: there is no printed table whose structure could be off.
  const findings = kind === 'json' ? undefined : parsed.findings;
  return { parsed, result: lintReport(parsed.report, options.previous, { findings }) };
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

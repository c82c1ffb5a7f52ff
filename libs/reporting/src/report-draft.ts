import {
  applicationsParagraph,
  createReport,
  emptySection2,
  feeStatement,
  parseReportJson,
  renderDocx,
  renderHtml,
  renderJson,
  renderSection3Csv,
  renderSection4Csv,
  renderText,
  renderXlsx,
  runChecks,
  type AnnualReport,
  type CheckResult,
  type ReportStatus,
  type Section2,
} from '@gongkai/report';
import {
  emptyReportTexts,
  reportModelTexts,
  reportTextsSchema,
  type ReportDownloadFormat,
  type ReportTexts,
} from '@gongkai/contracts';
import type { ReportSources } from '@gongkai/persistence';

export interface ComposedDraft {
  report: AnnualReport;
  texts: ReportTexts;
  previous: AnnualReport | null;
  suggestions: { onRequest: string; feeStatement: string };
}

/** The generated starting paragraphs (一's 依申请公开, 六's fee statement; Project rule 7). */
function suggestionsFor(report: AnnualReport, sources: ReportSources) {
  return {
    onRequest: applicationsParagraph(report),
    feeStatement: feeStatement(sources.statistics.fees),
  };
}

/**
 * The live draft: numbers from the statistics, section 二 as entered (zeros until then), the
 * texts as written (or, before anyone wrote, the generated paragraphs), checked against last
 * year's published version (I5, I6).
 */
export function composeDraft(sources: ReportSources, status?: ReportStatus): ComposedDraft {
  const base = createReport({
    agency: { code: sources.agency.code, name: sources.agency.name },
    year: sources.year,
    format: sources.format,
    status: status ?? sources.report?.status ?? 'draft',
    section2: (sources.section2 as unknown as Section2 | null) ?? emptySection2(sources.format),
    section3: sources.statistics.section3,
    section4: sources.statistics.section4,
  });
  const suggestions = suggestionsFor(base, sources);
  let texts: ReportTexts;
  if (sources.report) {
    texts = reportTextsSchema.parse(sources.report.texts);
  } else {
    texts = emptyReportTexts();
    texts.overview.onRequest = suggestions.onRequest;
    texts.other = suggestions.feeStatement;
  }
  const previous = sources.previousPublishedJson
    ? parseReportJson(sources.previousPublishedJson)
    : null;
  const report: AnnualReport = { ...base, texts: reportModelTexts(texts) };
  report.checks = runChecks(report, previous);
  return { report, texts, previous, suggestions };
}

/** N1/N2: the text contradicts the tables or the fees. */
const NARRATIVE_CHECKS: readonly string[] = ['N1', 'N2'];

/**
 * What blocks submission, approval and publication: a failing error check, and the cross-year
 * check I5 against last year's published 结转下年度 unless the clerk explained the difference.
 * A failing narrative check (N1, N2) does not block: publishing it needs the approving leader's
 * acknowledgement instead (`narrativeFailures`).
 */
export function blockingChecks(checks: readonly CheckResult[], crossYearNote: string | null) {
  return checks.filter(
    (c) =>
      !c.ok &&
      !NARRATIVE_CHECKS.includes(c.id) &&
      (c.level === 'error' || (c.id === 'I5' && !crossYearNote)),
  );
}

/** The failing narrative checks a leader must acknowledge before publishing. */
export function narrativeFailures(checks: readonly CheckResult[]): CheckResult[] {
  return checks.filter((c) => !c.ok && NARRATIVE_CHECKS.includes(c.id));
}

export interface Rendering {
  body: Buffer;
  contentType: string;
  extension: string;
}

export const CONTENT_TYPES: Record<ReportDownloadFormat, string> = {
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export interface AllRenderings {
  json: string;
  txt: string;
  html: string;
  docx: Buffer;
  xlsx: Buffer;
  csvSection3: string;
  csvSection4: string;
}

/** Every rendering of a report (stored with a published version, made on demand for a draft). */
export async function renderAll(report: AnnualReport, preamble: string): Promise<AllRenderings> {
  const [docx, xlsx] = await Promise.all([renderDocx(report), renderXlsx(report)]);
  return {
    json: renderJson(report),
    txt: renderText(report, { preamble }),
    html: renderHtml(report),
    docx,
    xlsx: Buffer.from(xlsx),
    csvSection3: renderSection3Csv(report),
    csvSection4: renderSection4Csv(report),
  };
}

/** One rendering, made on demand (drafts). */
export async function renderOne(
  report: AnnualReport,
  preamble: string,
  format: ReportDownloadFormat,
  section: '3' | '4',
): Promise<Buffer> {
  switch (format) {
    case 'json':
      return Buffer.from(renderJson(report));
    case 'txt':
      return Buffer.from(renderText(report, { preamble }));
    case 'html':
      return Buffer.from(renderHtml(report));
    case 'docx':
      return renderDocx(report);
    case 'xlsx':
      return Buffer.from(await renderXlsx(report));
    case 'csv':
      return Buffer.from(section === '4' ? renderSection4Csv(report) : renderSection3Csv(report));
  }
}

/** A stored rendering of a published version. */
export function storedRendering(
  stored: AllRenderings,
  format: ReportDownloadFormat,
  section: '3' | '4',
): Buffer {
  switch (format) {
    case 'json':
      return Buffer.from(stored.json);
    case 'txt':
      return Buffer.from(stored.txt);
    case 'html':
      return Buffer.from(stored.html);
    case 'docx':
      return Buffer.from(stored.docx);
    case 'xlsx':
      return Buffer.from(stored.xlsx);
    case 'csv':
      return Buffer.from(section === '4' ? stored.csvSection4 : stored.csvSection3);
  }
}

export function downloadName(
  agencyCode: string,
  year: number,
  format: ReportDownloadFormat,
  options: { version?: number | null; section?: '3' | '4' },
): string {
  const version = options.version ? `-v${options.version}` : '-draft';
  const section = format === 'csv' ? `-section${options.section === '4' ? 4 : 3}` : '';
  return `${year}-${agencyCode}${version}${section}.${format}`;
}

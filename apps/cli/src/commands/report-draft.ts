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
  type Section2,
} from '@gongkai/report';
import {
  emptyReportTexts,
  reportModelTexts,
  reportTextsSchema,
  type ReportDownloadFormat,
  type ReportTexts,
} from '@gongkai/contracts';
import {
  createDataSource,
  databaseUrlFromEnv,
  ReportSourcesRepository,
  type AgencyEntity,
  type ReportSources,
  type ReportVersionEntity,
} from '@gongkai/persistence';
import type { DataSource } from 'typeorm';
import { UsageError } from '../cli-errors';

/**
 * The live draft as the API composes it (apps/api/src/reports/report-draft.ts; apps may not
 * import each other): statistics, section 二 as entered, the texts as written or generated.
 */
export function composeCliDraft(sources: ReportSources): {
  report: AnnualReport;
  texts: ReportTexts;
} {
  const base = createReport({
    agency: { code: sources.agency.code, name: sources.agency.name },
    year: sources.year,
    format: sources.format,
    status: sources.report?.status ?? 'draft',
    section2: (sources.section2 as unknown as Section2 | null) ?? emptySection2(sources.format),
    section3: sources.statistics.section3,
    section4: sources.statistics.section4,
  });
  let texts: ReportTexts;
  if (sources.report) {
    texts = reportTextsSchema.parse(sources.report.texts);
  } else {
    texts = emptyReportTexts();
    texts.overview.onRequest = applicationsParagraph(base);
    texts.other = feeStatement(sources.statistics.fees);
  }
  const previous = sources.previousPublishedJson
    ? parseReportJson(sources.previousPublishedJson)
    : null;
  const report: AnnualReport = { ...base, texts: reportModelTexts(texts) };
  report.checks = runChecks(report, previous);
  return { report, texts };
}

export async function renderCli(
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
      return renderXlsx(report);
    case 'csv':
      return Buffer.from(section === '4' ? renderSection4Csv(report) : renderSection3Csv(report));
  }
}

/** A published version's stored rendering: the bytes the public site serves. */
export function storedCli(
  stored: ReportVersionEntity,
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

export function parseYearOption(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2008 || year > 2999) {
    throw new UsageError(`无效的年度：${value}`);
  }
  return year;
}

/** Opens the database of DATABASE_URL, runs `work`, and always closes it. */
export async function withDatabase<T>(work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = createDataSource(databaseUrlFromEnv());
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

export async function agencyByCode(db: DataSource, code: string): Promise<AgencyEntity> {
  const agency = await new ReportSourcesRepository(db.manager).findAgencyByCode(code);
  if (!agency) throw new UsageError(`没有代码为 ${code} 的机关`);
  return agency;
}

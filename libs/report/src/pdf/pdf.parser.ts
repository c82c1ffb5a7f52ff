import { linesFromPdfPages } from '../reader/report-lines';
import { ReportParseError } from '../reader/parse-error';
import { type ParsedReport, type ParseOptions, parseReportLines } from '../text.parser';
import { pdfTextPool, type PdfTextPool } from './pdf-text.pool';

/**
 * Parses a PDF report: pdf.js gives each text item with its position, the lines and cells of the
 * printed tables are rebuilt from those positions, and the one table reader reads them.
 */
export async function parseReportPdf(
  content: Uint8Array,
  options: ParseOptions & { pool?: PdfTextPool; timeoutMs?: number } = {},
): Promise<ParsedReport> {
  const pool = options.pool ?? pdfTextPool();
  const text = await pool.extract(content, options.timeoutMs);
  const chars = text.pages.reduce(
    (n, p) => n + p.items.reduce((m, i) => m + i.str.replace(/\s/g, '').length, 0),
    0,
  );
  if (chars === 0) throw new ReportParseError('PDF 中没有可提取的文字（可能是扫描件）');
  return parseReportLines(linesFromPdfPages(text.pages), options);
}

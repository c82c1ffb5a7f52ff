import mammoth from 'mammoth';
import { parseReportHtml } from './html.parser';
import { type ParsedReport, type ParseOptions } from './text.parser';

/** Parses a DOCX report: mammoth turns it into HTML, whose tables the HTML parser reads. */
export async function parseReportDocx(
  content: Uint8Array,
  options: ParseOptions = {},
): Promise<ParsedReport> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(content) });
  return parseReportHtml(value, options);
}

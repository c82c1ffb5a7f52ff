import { parseReportHtml } from './html.parser';
import { ReportParseError } from './reader/parse-error';
import { type ParsedReport, type ParseOptions } from './text.parser';

/** Parses a DOCX report: mammoth turns it into HTML, whose tables the HTML parser reads. */
export async function parseReportDocx(
  content: Uint8Array,
  options: ParseOptions = {},
): Promise<ParsedReport> {
  // Loaded with the first DOCX read, not with the library.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(content) })).value;
  } catch {
    // mammoth's own messages (zip central directory, missing word/document.xml) mean nothing to a clerk.
    throw new ReportParseError('DOCX 文件已损坏（不是有效的 Word 文档）');
  }
  return parseReportHtml(html, options);
}

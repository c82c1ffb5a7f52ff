import { parseReportDocx } from './docx.parser';
import { parseReportHtml } from './html.parser';
import { parseReportJson } from './json.parser';
import {
  type ParsedReport,
  type ParseOptions,
  parseReportText,
  ReportParseError,
} from './text.parser';

export type ReportFileKind = 'txt' | 'html' | 'docx' | 'json';

export function reportFileKind(fileName: string): ReportFileKind | null {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (ext) {
    case 'txt':
    case 'text':
      return 'txt';
    case 'htm':
    case 'html':
      return 'html';
    case 'docx':
      return 'docx';
    case 'json':
      return 'json';
    default:
      return null;
  }
}

/** Any supported published form of a report → the model. JSON input is already the model. */
export async function parseReport(
  content: Uint8Array | string,
  kind: ReportFileKind,
  options: ParseOptions = {},
): Promise<ParsedReport> {
  const text = (): string =>
    typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  switch (kind) {
    case 'txt':
      return parseReportText(text(), options);
    case 'html':
      return parseReportHtml(text(), options);
    case 'json':
      return { report: parseReportJson(text()), preamble: '', warnings: [] };
    case 'docx':
      if (typeof content === 'string') throw new ReportParseError('DOCX 需要二进制内容');
      return parseReportDocx(content, options);
  }
}

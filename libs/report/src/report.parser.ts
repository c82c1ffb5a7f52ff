import { parseReportDocx } from './docx.parser';
import { parseReportHtml } from './html.parser';
import { parseReportJson } from './json.parser';
import { parseReportPdf } from './pdf/pdf.parser';
import { type PdfTextPool } from './pdf/pdf-text.pool';
import {
  type ParsedReport,
  type ParseOptions,
  parseReportText,
  ReportParseError,
} from './text.parser';

export type ReportFileKind = 'txt' | 'html' | 'docx' | 'json' | 'pdf';

export const REPORT_FILE_EXTENSIONS = ['txt', 'text', 'htm', 'html', 'docx', 'json', 'pdf'];

/** Reports larger than this are not annual reports (the largest real PDFs are a few MB). */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

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
    case 'pdf':
      return 'pdf';
    default:
      return null;
  }
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((b, i) => bytes[i] === b);

/** What the first bytes say a file is, whatever its name. */
export function sniffContent(bytes: Uint8Array): 'pdf' | 'zip' | 'image' | 'binary' | 'text' {
  const head = bytes.subarray(0, 1024);
  if (Buffer.from(head).includes('%PDF-')) return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (
    startsWith(head, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(head, [0xff, 0xd8, 0xff]) ||
    startsWith(head, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(head, [0x42, 0x4d]) ||
    startsWith(head, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (startsWith(head, [0x52, 0x49, 0x46, 0x46]) &&
      Buffer.from(head.subarray(8, 12)).toString() === 'WEBP')
  )
    return 'image';
  if (head.includes(0)) return 'binary';
  return 'text';
}

/** UTF-8, else GB18030 (many agency pages and exported texts are GBK). */
export function decodeReportText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const KIND_NAME: Readonly<Record<ReportFileKind, string>> = {
  txt: '文本',
  html: 'HTML',
  docx: 'DOCX',
  json: 'JSON',
  pdf: 'PDF',
};

export interface ReportReadOptions extends ParseOptions {
  pdfPool?: PdfTextPool;
  pdfTimeoutMs?: number;
}

/**
 * Any supported published form of a report → the model. The content decides over the name: a
 * PDF named .docx is read as a PDF; an image, an empty or an oversized file, or binary data named
 * as text get one clear message (ReportParseError).
 */
export async function parseReport(
  content: Uint8Array | string,
  kind: ReportFileKind,
  options: ReportReadOptions = {},
): Promise<ParsedReport> {
  if (content.length === 0) throw new ReportParseError('文件为空');
  if (content.length > MAX_REPORT_BYTES)
    throw new ReportParseError(
      `文件过大（${Math.round(content.length / 1024 / 1024)} MB），年度报告文件不应超过 ${MAX_REPORT_BYTES / 1024 / 1024} MB`,
    );
  if (typeof content === 'string') return parseText(content, kind, options);
  const sniffed = sniffContent(content);
  switch (sniffed) {
    case 'pdf':
      return parseReportPdf(content, {
        ...options,
        pool: options.pdfPool,
        timeoutMs: options.pdfTimeoutMs,
      });
    case 'image':
      throw new ReportParseError('文件是图片，不是年度报告；请提供报告的 PDF、网页、DOCX 或文本');
    case 'zip':
      if (kind !== 'docx')
        throw new ReportParseError(
          `文件是压缩包（ZIP），不是${KIND_NAME[kind]}；若为 Word 文档，请使用 .docx 扩展名`,
        );
      return parseReportDocx(content, options);
    case 'binary':
      throw new ReportParseError(
        kind === 'docx'
          ? 'DOCX 文件已损坏（不是有效的 Word 文档）'
          : `文件不是${KIND_NAME[kind]}（内容为二进制数据）`,
      );
    case 'text':
      if (kind === 'docx') throw new ReportParseError('DOCX 文件已损坏（不是有效的 Word 文档）');
      if (kind === 'pdf') throw new ReportParseError('文件不是有效的 PDF（缺少 PDF 文件头）');
      return parseText(decodeReportText(content), kind, options);
  }
}

function parseText(text: string, kind: ReportFileKind, options: ParseOptions): ParsedReport {
  if (text.trim() === '') throw new ReportParseError('文件为空');
  switch (kind) {
    case 'html':
      return parseReportHtml(text, options);
    case 'json':
      return { report: parseReportJson(text), preamble: '', warnings: [], findings: [] };
    case 'txt':
      return parseReportText(text, options);
    default:
      throw new ReportParseError(`${KIND_NAME[kind]} 需要二进制内容`);
  }
}

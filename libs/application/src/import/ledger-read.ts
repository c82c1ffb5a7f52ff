import ExcelJS from 'exceljs';
import type { RawLedgerLine } from './ledger-line';
import { readLedgerWorkbook, UnreadableLedgerError, type LedgerReading } from './ledger-workbook';

/** JSON Lines: one case per non-empty line. */
export function readJsonl(text: string): RawLedgerLine[] {
  const lines: RawLedgerLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      if (!raw.trim()) return;
      try {
        lines.push({ line: index + 1, value: JSON.parse(raw) as unknown });
      } catch {
        lines.push({ line: index + 1, value: null, readError: '不是有效的 JSON' });
      }
    });
  return lines;
}

/**
 * An .xlsx register (docs/ledger-workbook.md). A file that is not an .xlsx, or a workbook with no
 * header row or without a required column, throws UnreadableLedgerError.
 */
export async function readXlsx(data: Buffer | ArrayBuffer): Promise<LedgerReading> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch {
    // ExcelJS reads only the Office Open XML format; an old .xls is a different (binary) file.
    throw new UnreadableLedgerError(
      '无法读取 Excel 台账：请上传 .xlsx 文件（旧版 .xls 请在 Excel 或 WPS 中另存为 .xlsx）',
    );
  }
  return readLedgerWorkbook(workbook);
}

/** An uploaded ledger: JSON Lines text, or an .xlsx in base64 (POST /api/imports). */
export interface LedgerFile {
  jsonl?: string;
  xlsxBase64?: string;
}

/** The lines of an uploaded ledger; an .xlsx that cannot be read throws UnreadableLedgerError. */
export async function readLedgerFile(file: LedgerFile): Promise<LedgerReading> {
  if (file.jsonl !== undefined) return { lines: readJsonl(file.jsonl), ignoredColumns: [] };
  return readXlsx(Buffer.from(file.xlsxBase64 ?? '', 'base64'));
}

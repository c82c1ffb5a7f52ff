import ExcelJS from 'exceljs';
import {
  APPLICANT_CATEGORIES,
  CHANNELS,
  OUTCOMES,
  PROCEEDING_KINDS,
  PROCEEDING_RESULTS,
  SERVICE_METHODS,
} from '@gongkai/domain';
import type { RawLedgerLine } from './ledger-line';

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

/** Chinese headers of the register (ledger-format.md) and the field path each one fills. */
export const LEDGER_HEADERS: Readonly<Record<string, string>> = {
  登记编号: 'ref',
  收到日期: 'receivedOn',
  申请方式: 'channel',
  申请人类型: 'applicant.category',
  申请人: 'applicant.name',
  申请内容: 'request',
  补正通知日期: 'supplement.requestedOn',
  补正期限: 'supplement.dueOn',
  收到补正日期: 'supplement.receivedOn',
  征求意见对象: 'consultations.0.party',
  征求意见日期: 'consultations.0.sentOn',
  征求意见答复日期: 'consultations.0.repliedOn',
  收费通知日期: 'fee.noticeServedOn',
  收费金额: 'fee.amountYuan',
  缴费日期: 'fee.paidOn',
  延期批准日期: 'extension.approvedOn',
  延期工作日: 'extension.workingDays',
  办理结果: 'outcome',
  答复日期: 'decidedOn',
  撤回日期: 'withdrawnOn',
  送达方式: 'service.method',
  送达日期: 'service.servedOn',
  复议诉讼类型: 'proceedings.0.kind',
  复议诉讼立案日期: 'proceedings.0.filedOn',
  复议诉讼结果: 'proceedings.0.result',
  审结日期: 'proceedings.0.concludedOn',
};

const labelled = (list: readonly { code: string; label: string }[]) =>
  new Map(
    list.flatMap(
      (x) =>
        [
          [x.label, x.code],
          [x.code, x.code],
        ] as [string, string][],
    ),
  );

// A spreadsheet may hold the Chinese labels instead of the codes.
const CODE_BY_LABEL: Readonly<Record<string, Map<string, string>>> = {
  channel: labelled(CHANNELS),
  'applicant.category': labelled(APPLICANT_CATEGORIES),
  outcome: labelled(OUTCOMES),
  'service.method': labelled(SERVICE_METHODS),
  'proceedings.0.kind': labelled(PROCEEDING_KINDS),
  'proceedings.0.result': labelled(PROCEEDING_RESULTS),
  'consultations.0.party': new Map([
    ['第三方', 'third_party'],
    ['其他机关', 'other_agency'],
    ['third_party', 'third_party'],
    ['other_agency', 'other_agency'],
  ]),
};

function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    return undefined;
  }
  return typeof value === 'string' ? value.trim() || undefined : value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> | unknown[] = target;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const nextIsIndex = /^\d+$/.test(keys[i + 1] ?? '');
    const container = node as Record<string, unknown>;
    if (last) container[key] = value;
    else {
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Record<string, unknown>;
    }
  });
}

/** The first sheet: a header row (field names or Chinese headers), then one case per row. */
export async function readXlsx(data: Buffer | ArrayBuffer): Promise<RawLedgerLine[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const headers: (string | null)[] = [];
  sheet.getRow(1).eachCell((cell, column) => {
    const header = String(cellValue(cell.value) ?? '').trim();
    headers[column] = LEDGER_HEADERS[header] ?? (header || null);
  });
  const lines: RawLedgerLine[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const value: Record<string, unknown> = {};
    let any = false;
    row.eachCell((cell, column) => {
      const path = headers[column];
      let v = cellValue(cell.value);
      if (!path || v === undefined) return;
      const byLabel = CODE_BY_LABEL[path];
      if (byLabel && typeof v === 'string') v = byLabel.get(v) ?? v;
      if (path === 'ref' && typeof v === 'number') v = String(v);
      setPath(value, path, v);
      any = true;
    });
    if (any) lines.push({ line: rowNumber, value });
  });
  return lines;
}

export class UnreadableLedgerError extends Error {
  constructor() {
    super('无法读取 Excel 台账：请上传 .xlsx 文件，第一行为列名');
    this.name = 'UnreadableLedgerError';
  }
}

/** An uploaded ledger: JSON Lines text, or an .xlsx in base64 (POST /api/imports). */
export interface LedgerFile {
  jsonl?: string;
  xlsxBase64?: string;
}

/** The lines of an uploaded ledger; an .xlsx that does not open throws UnreadableLedgerError. */
export async function readLedgerFile(file: LedgerFile): Promise<RawLedgerLine[]> {
  if (file.jsonl !== undefined) return readJsonl(file.jsonl);
  return readXlsx(Buffer.from(file.xlsxBase64 ?? '', 'base64')).catch(() => {
    throw new UnreadableLedgerError();
  });
}

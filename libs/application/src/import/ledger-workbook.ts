import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import type { RawLedgerLine } from './ledger-line';
import { FIELD_NAMES, HEADER_SYNONYMS, WITHDRAWAL_WORDS } from './workbook-synonyms';
import {
  canon,
  cleanText,
  CODED_FIELDS,
  codeOf,
  parseCellDate,
  parseCellNumber,
} from './workbook-values';

/** What a register sheet gave: one line per case row, and what the reader did not use. */
export interface LedgerReading {
  readonly lines: RawLedgerLine[];
  /** Headers of columns the reader does not know, each named once (their cells are not read). */
  readonly ignoredColumns: string[];
  /** The sheet and the row its header was found on. */
  readonly sheet?: { readonly name: string; readonly headerRow: number };
}

/** A workbook the reader cannot take as a register at all (no header row, a required column missing). */
export class UnreadableLedgerError extends Error {
  constructor(message = '无法读取 Excel 台账：请上传 .xlsx 文件') {
    super(message);
    this.name = 'UnreadableLedgerError';
  }
}

const FIELD_PATHS = [
  'ref',
  'receivedOn',
  'channel',
  'applicant.category',
  'applicant.name',
  'request',
  'supplement.requestedOn',
  'supplement.dueOn',
  'supplement.receivedOn',
  'consultations.0.party',
  'consultations.0.sentOn',
  'consultations.0.repliedOn',
  'fee.noticeServedOn',
  'fee.amountYuan',
  'fee.paidOn',
  'extension.approvedOn',
  'extension.workingDays',
  'outcome',
  'decidedOn',
  'withdrawnOn',
  'service.method',
  'service.servedOn',
  'proceedings.0.kind',
  'proceedings.0.filedOn',
  'proceedings.0.result',
  'proceedings.0.concludedOn',
] as const;

// Headers are matched in canonical form: the Chinese headers, their synonyms and the field names.
const HEADERS = new Map<string, string | null>([
  ...Object.entries(HEADER_SYNONYMS).map(([h, p]) => [canon(h), p] as [string, string | null]),
  ...FIELD_PATHS.map((p) => [canon(p), p] as [string, string]),
]);
const NUMBER_FIELDS = new Set(['fee.amountYuan', 'extension.workingDays']);
const TEXT_FIELDS = new Set(['applicant.name', 'request']);
const REQUIRED = ['receivedOn', 'channel', 'applicant.category'] as const;
/** A row this many known headers is the header row (a title row matches none or one). */
const MIN_HEADER_MATCHES = 3;
const HEADER_SEARCH_ROWS = 30;

function canonHeader(text: string): string {
  return canon(text)
    .replace(/[*:]+$/g, '')
    .replace(/^\*+/, '');
}

/** A cell as plain data: text, number, Date or undefined for empty (formulas give their result). */
function plain(value: ExcelJS.CellValue): string | number | boolean | Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return plain(value.richText.map((r) => r.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) {
      return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    }
    if ('text' in value) return plain(String(value.text));
    return undefined;
  }
  if (typeof value === 'string') {
    const trimmed = value.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
    return trimmed || undefined;
  }
  return value;
}

function shown(value: string | number | boolean | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(keys[i + 1]);
    node[key] ??= nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
}

interface Column {
  readonly index: number;
  readonly header: string;
  readonly path: string;
}

interface HeaderRow {
  readonly row: number;
  readonly columns: Column[];
  readonly ignored: string[];
}

/** The first row whose cells are known headers; merged title rows above it match nothing. */
function findHeader(sheet: ExcelJS.Worksheet): HeaderRow | null {
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    const columns: Column[] = [];
    const ignored: string[] = [];
    const seen = new Set<string>();
    let known = 0;
    row.eachCell((cell, index) => {
      // A merged cell repeats its master's text in every column it covers: count it once.
      if (cell.isMerged && cell.master !== cell) return;
      const value = plain(cell.value);
      if (value === undefined) return;
      const header = cleanText(shown(value));
      const key = canonHeader(header);
      if (!HEADERS.has(key)) {
        ignored.push(header);
        return;
      }
      known++;
      const path = HEADERS.get(key);
      // The first column of a field wins; a second one of the same field is not read.
      if (!path || seen.has(path)) return;
      seen.add(path);
      columns.push({ index, header, path });
    });
    if (known >= MIN_HEADER_MATCHES) return { row: r, columns, ignored };
  }
  return null;
}

/** Stable for the same registration facts, so importing the same workbook twice finds its refs. */
function generatedRef(value: Record<string, unknown>): string | null {
  const receivedOn = value['receivedOn'];
  if (typeof receivedOn !== 'string') return null;
  const applicant = (value['applicant'] ?? {}) as Record<string, unknown>;
  const facts = [
    receivedOn,
    value['channel'],
    applicant['category'],
    applicant['name'],
    value['request'],
  ];
  const digest = createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 8);
  return `R${receivedOn.replace(/-/g, '')}-${digest}`;
}

/**
 * The register of a workbook (docs/ledger-workbook.md): the first sheet with a header row; one
 * line per non-blank row below it, numbered by its sheet row. A cell it cannot read makes its row
 * unreadable, with every such cell named (`第9行"收到日期"：无法识别的日期"2024-13-01"`).
 */
export function readLedgerWorkbook(workbook: ExcelJS.Workbook): LedgerReading {
  const date1904 = !!(workbook.properties as { date1904?: boolean } | undefined)?.date1904;
  for (const sheet of workbook.worksheets) {
    const header = findHeader(sheet);
    if (header) return readSheet(sheet, header, date1904);
  }
  throw new UnreadableLedgerError(
    '无法读取 Excel 台账：没有找到表头行（应含“登记编号”“收到日期”“申请方式”“申请人类型”等列名）',
  );
}

function readSheet(sheet: ExcelJS.Worksheet, header: HeaderRow, date1904: boolean): LedgerReading {
  const byPath = new Map(header.columns.map((c) => [c.path, c]));
  const missing = REQUIRED.filter((p) => !byPath.has(p));
  if (missing.length) {
    throw new UnreadableLedgerError(
      `工作表“${sheet.name}”第${header.row}行的表头缺少列：${missing.map((p) => `“${FIELD_NAMES[p]}”`).join('、')}`,
    );
  }
  const columnsOf = Object.fromEntries(header.columns.map((c) => [c.path, c.header]));
  const lines: RawLedgerLine[] = [];
  const refCount = new Map<string, number>();
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const value: Record<string, unknown> = {};
    const errors: string[] = [];
    let blank = true;
    let withdrawn = false;
    for (const column of header.columns) {
      const cell = plain(row.getCell(column.index).value);
      if (cell === undefined) continue;
      blank = false;
      const fail = (what: string) =>
        errors.push(`第${r}行"${column.header}"：无法识别的${what}"${shown(cell)}"`);
      const { path } = column;
      if (path.endsWith('On')) {
        const date = parseCellDate(cell, date1904);
        if (date) setPath(value, path, date);
        else fail('日期');
      } else if (NUMBER_FIELDS.has(path)) {
        const n = parseCellNumber(cell);
        if (n === null) fail('数字');
        else setPath(value, path, n);
      } else if (CODED_FIELDS.includes(path)) {
        const text = shown(cell);
        const code = codeOf(path, text);
        if (code) setPath(value, path, code);
        else fail(FIELD_NAMES[path] ?? column.header);
        if (path === 'outcome' && WITHDRAWAL_WORDS.some((w) => canon(w) === canon(text))) {
          withdrawn = true;
        }
      } else if (path === 'ref') {
        // Full-width digits and letters are the same register number typed another way.
        setPath(value, path, shown(cell).normalize('NFKC').replace(/\s+/g, ''));
      } else if (TEXT_FIELDS.has(path)) {
        setPath(value, path, cleanText(shown(cell)));
      }
    }
    if (blank) continue;
    for (const path of REQUIRED) {
      const column = byPath.get(path);
      if (
        column &&
        lookup(value, path) === undefined &&
        !errors.some((e) => e.includes(`"${column.header}"`))
      ) {
        errors.push(`第${r}行"${column.header}"：未填写${FIELD_NAMES[path]}`);
      }
    }
    const refColumn = byPath.get('ref');
    if (refColumn && value['ref'] === undefined) {
      errors.push(`第${r}行"${refColumn.header}"：未填写登记编号`);
    }
    // 撤回 as the result: the 答复日期 of the row is the withdrawal date, unless one is given.
    if (withdrawn && value['withdrawnOn'] === undefined && value['decidedOn'] !== undefined) {
      value['withdrawnOn'] = value['decidedOn'];
      delete value['decidedOn'];
    }
    if (!refColumn && !errors.length) {
      const base = generatedRef(value);
      if (base) {
        const n = (refCount.get(base) ?? 0) + 1;
        refCount.set(base, n);
        value['ref'] = n === 1 ? base : `${base}-${n}`;
      }
    }
    lines.push({
      line: r,
      value,
      columns: columnsOf,
      ...(errors.length ? { readError: errors.join('；') } : {}),
    });
  }
  return {
    lines,
    ignoredColumns: [...new Set(header.ignored)],
    sheet: { name: sheet.name, headerRow: header.row },
  };
}

function lookup(value: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

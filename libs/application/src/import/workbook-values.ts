import {
  APPLICANT_CATEGORIES,
  CHANNELS,
  fromEpochDay,
  isLocalDate,
  OUTCOME_GROUPS,
  OUTCOMES,
  PROCEEDING_KINDS,
  PROCEEDING_RESULTS,
  SERVICE_METHODS,
  type LocalDate,
} from '@gongkai/domain';
import { VALUE_SYNONYMS } from './workbook-synonyms';

/**
 * The form in which typed words are compared: compatibility forms folded (full-width digits,
 * letters and brackets), every kind of space and quote removed, dashes and list marks unified,
 * Latin letters lower-cased. Stored text is never passed through this; only lookup keys are.
 */
export function canon(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0"'“”‘’「」『』]/g, '')
    .replace(/[—–―－‐-]+/g, '-')
    .replace(/[、．。]/g, '.')
    .replace(/[：:]/g, ':')
    .toLowerCase();
}

/** Names and requests as typed: full-width and non-breaking spaces made plain, runs collapsed. */
export function cleanText(text: string): string {
  return (
    text
      .replace(/[\u3000\u00a0]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      // Between two Chinese characters a space is padding (王\u3000五), not part of the name.
      .replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, '')
  );
}

const labelled = (list: readonly { code: string; label: string }[]) =>
  list.flatMap((x): [string, string][] => [
    [x.code, x.code],
    [x.label, x.code],
  ]);

function table(
  entries: readonly (readonly [string, string])[],
  field: string,
): Map<string, string> {
  const map = new Map<string, string>();
  for (const [word, code] of [...entries, ...Object.entries(VALUE_SYNONYMS[field] ?? {})]) {
    map.set(canon(word), code);
  }
  return map;
}

const CODE_TABLES: Readonly<Record<string, Map<string, string>>> = {
  channel: table(labelled(CHANNELS), 'channel'),
  'applicant.category': table(labelled(APPLICANT_CATEGORIES), 'applicant.category'),
  outcome: table(labelled(OUTCOMES), 'outcome'),
  'service.method': table(labelled(SERVICE_METHODS), 'service.method'),
  'proceedings.0.kind': table(labelled(PROCEEDING_KINDS), 'proceedings.0.kind'),
  'proceedings.0.result': table(
    labelled(PROCEEDING_RESULTS.filter((r) => r.code !== 'pending')),
    'proceedings.0.result',
  ),
  'consultations.0.party': table(
    [
      ['third_party', 'third_party'],
      ['other_agency', 'other_agency'],
    ],
    'consultations.0.party',
  ),
};

/** The coded fields a sheet may fill with codes, official labels or synonyms. */
export const CODED_FIELDS: readonly string[] = Object.keys(CODE_TABLES);

// （三）1. / (五)2、 / 三、1 — the row number printed before an outcome label.
const OUTCOME_NUMBER = /^\(?([一二三四五六])\)?\.?(?:(\d{1,2})\.?)?/;
const GROUP_LABELS = [...OUTCOME_GROUPS.map((g) => canon(g.label)), canon('部分公开')];

/**
 * An outcome as registers write it: the code, the official label, with or without its row number
 * (（三）1.属于国家秘密) or its group (不予公开—属于国家秘密), a documented synonym, or only the row
 * number (（五）2).
 */
function outcomeCode(text: string): string | undefined {
  const table = CODE_TABLES['outcome'];
  const whole = canon(text);
  const direct = table.get(whole);
  if (direct) return direct;
  const number = OUTCOME_NUMBER.exec(whole);
  let rest = number && number[0] ? whole.slice(number[0].length) : whole;
  const labelled = table.get(rest);
  if (labelled) return labelled;
  const group = GROUP_LABELS.find((g) => rest.startsWith(g) && rest.length > g.length);
  if (group) rest = rest.slice(group.length).replace(/^[-:.]+/, '');
  if (rest) return table.get(rest);
  if (!number?.[1]) return undefined;
  const groupNumber = `（${number[1]}）`;
  const item = number[2] ? Number(number[2]) : null;
  return OUTCOMES.find((o) => o.groupNumber === groupNumber && o.item === item)?.code;
}

/** The code a cell of a coded field stands for, or undefined when the word is not known. */
export function codeOf(field: string, text: string): string | undefined {
  if (field === 'outcome') return outcomeCode(text);
  return CODE_TABLES[field]?.get(canon(text));
}

// Excel's day 0 is 1899-12-30 for serials after its phantom 1900-02-29 (the 1900 system), and
// 1904-01-01 in the 1904 system.
const EPOCH_1900 = -25569;
const EPOCH_1904 = -24107;

function fromParts(year: string, month: string, day: string): LocalDate | null {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isLocalDate(date) ? date : null;
}

/** An Excel serial day number (a date cell read without its format, or typed as a number). */
export function fromExcelSerial(serial: number, date1904 = false): LocalDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const day = Math.floor(serial);
  if (date1904) return fromEpochDay(day + EPOCH_1904);
  // Serials up to 60 count from 1899-12-31 (Excel's 1900-02-29 does not exist).
  return fromEpochDay(day + (day < 61 ? EPOCH_1900 + 1 : EPOCH_1900));
}

const DATE_PATTERNS: readonly RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * A date cell: ISO, YYYY/M/D, YYYY.M.D, YYYY年M月D日 (full-width digits too), an Excel date
 * (a Date, which ExcelJS gives at UTC midnight) or an Excel serial number.
 */
export function parseCellDate(value: unknown, date1904 = false): LocalDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // Excel stores no zone: ExcelJS reads the day as UTC; a time of day is dropped.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 19000101 && value <= 29991231) {
      const s = String(value);
      return fromParts(s.slice(0, 4), s.slice(4, 6), s.slice(6, 8));
    }
    return fromExcelSerial(value, date1904);
  }
  if (typeof value !== 'string') return null;
  const text = value
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s*([-/.年月日])\s*/g, '$1');
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return fromParts(m[1], m[2], m[3]);
  }
  if (/^\d{5}$/.test(text)) return fromExcelSerial(Number(text), date1904);
  return null;
}

/** An amount or a count, as a number or as typed with its unit (100元, 15个工作日). */
export function parseCellNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)(?:元|个工作日|工作日|日|天)?$/.exec(canon(value).replace(/,/g, ''));
  return m ? Number(m[1]) : null;
}

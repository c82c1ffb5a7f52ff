import {
  APPLICANT_CATEGORIES,
  APPLICANT_CATEGORY_CODES,
  type ApplicantCategory,
  LEGAL_ENTITY_GROUP_LABEL,
  OUTCOME_CODES,
  type Outcome,
  outcomeDefinition,
  OUTCOME_GROUPS,
  type OutcomeGroup,
  PROCEEDING_KIND_CODES,
  PROCEEDING_KINDS,
  PROCEEDING_RESULTS,
  type ProceedingKind,
  reportFormatForYear,
  type ReportFormatCode,
  TOTAL_COLUMN_LABEL,
} from '@gongkai/domain';

/**
 * The annual report as data (regulation.md §1–§2, report-json.md). `2021` is the format of
 * 国办公开办函〔2021〕30号; `2019` the trial format of 国办公开办函〔2019〕60号, used for the 2019
 * and 2020 reports (Project rule 14).
 */
export type ReportFormat = ReportFormatCode;
export type ReportStatus = 'draft' | 'submitted' | 'approved' | 'published';

/** A printed figure. `null` is a cell printed "/" (section 二, not applicable) or left blank. */
export type Figure = number | null;

export type Section3ColumnKey = ApplicantCategory | 'total';
export type Section3RowKey =
  'received' | 'carried_in' | Outcome | 'other' | 'total' | 'carried_forward';

export const SECTION3_COLUMNS: readonly Section3ColumnKey[] = [
  ...APPLICANT_CATEGORY_CODES,
  'total',
];

const OTHER_OUTCOMES: readonly Outcome[] = [
  'other.supplement_overdue',
  'other.fee_unpaid',
  'other.other',
];

/** The row an outcome counts in: the 2019 trial format has one （六）其他处理 row (regulation.md §2). */
export function section3RowOf(outcome: Outcome, format: ReportFormat): Section3RowKey {
  return format === '2019' && OTHER_OUTCOMES.includes(outcome) ? 'other' : outcome;
}

/** Row keys of section 三 in the official order: 25 in 2021, 23 in 2019 (one `other` row). */
export function section3RowKeys(format: ReportFormat): readonly Section3RowKey[] {
  const outcomes: Section3RowKey[] =
    format === '2021'
      ? [...OUTCOME_CODES]
      : [...OUTCOME_CODES.filter((c) => !OTHER_OUTCOMES.includes(c)), 'other'];
  return ['received', 'carried_in', ...outcomes, 'total', 'carried_forward'];
}

/** The rows that add up to （七）总计 (identity I3). */
export function section3OutcomeKeys(format: ReportFormat): readonly Section3RowKey[] {
  return section3RowKeys(format).filter(
    (k) => k !== 'received' && k !== 'carried_in' && k !== 'total' && k !== 'carried_forward',
  );
}

/** `F = number` for counted tables (statistics), which never print "/". */
export interface Section3<F extends Figure = Figure> {
  columns: Section3ColumnKey[];
  /** Every key of `section3RowKeys(format)`, each an array of 7 figures in column order. */
  rows: Partial<Record<Section3RowKey, F[]>>;
}

export type Section4Group = ProceedingKind;
export type Section4Column = 'maintained' | 'corrected' | 'other' | 'pending' | 'total';
export const SECTION4_GROUPS: readonly Section4Group[] = PROCEEDING_KIND_CODES;
export const SECTION4_COLUMNS: readonly Section4Column[] = [
  'maintained',
  'corrected',
  'other',
  'pending',
  'total',
];
export type Section4<F extends Figure = Figure> = Record<Section4Group, Record<Section4Column, F>>;

export interface Section2Of2021 {
  rules: { issued: Figure; repealed: Figure; inForce: Figure };
  normativeDocuments: { issued: Figure; repealed: Figure; inForce: Figure };
  licensing: { decisions: Figure };
  penalties: { decisions: Figure };
  enforcement: { decisions: Figure };
  /** 万元, a decimal. */
  fees: { amountWan: Figure };
}

/** The 22 cells of the 2019 trial format (regulation.md §2); `change` is the signed 本年增/减. */
export interface Section2Of2019 {
  rules: { newlyMade: Figure; newlyPublished: Figure; totalPublished: Figure };
  normativeDocuments: { newlyMade: Figure; newlyPublished: Figure; totalPublished: Figure };
  licensing: { previousYearItems: Figure; change: Figure; decisions: Figure };
  otherServices: { previousYearItems: Figure; change: Figure; decisions: Figure };
  penalties: { previousYearItems: Figure; change: Figure; decisions: Figure };
  enforcement: { previousYearItems: Figure; change: Figure; decisions: Figure };
  fees: { previousYearItems: Figure; change: Figure };
  procurement: { projects: Figure; totalAmount: Figure };
}

export type Section2 = Section2Of2021 | Section2Of2019;

/** I1–I7: regulation.md §1.6; N1/N2: narrative against tables and fees; S1: table structure. */
export type CheckId = 'I1' | 'I2' | 'I3' | 'I4' | 'I5' | 'I6' | 'I7' | 'N1' | 'N2' | 'S1';
export type CheckLevel = 'error' | 'warning';

/** A cell of the report: section 二 row/field, section 三 row/column, section 四 group/column. */
export interface CellRef {
  section: '2' | '3' | '4';
  row: string;
  column: string;
}

export interface CheckResult {
  id: CheckId;
  ok: boolean;
  level: CheckLevel;
  message: string;
  cells: CellRef[];
  /** N1/N2: the narrative sentence that states the figure. */
  sentence?: string;
  /** N1/N2 published despite the contradiction: the approving leader who acknowledged it. */
  acknowledgement?: { by: string; at: string };
}

export interface ReportTexts {
  overview: string;
  problems: string;
  other: string;
}

/** The JSON shape of report-json.md. */
export interface AnnualReport {
  agency: { code: string; name: string };
  year: number;
  format: ReportFormat;
  status: ReportStatus;
  version: number | null;
  /** `null` when the figures of 二 were not recorded (e.g. some 2019-format fixtures). */
  section2: Section2 | null;
  section3: Section3;
  section4: Section4;
  texts: ReportTexts;
  checks: CheckResult[];
}

/** Project rule 14 (the domain's `reportFormatForYear`): 2019 and 2020 use the 2019 format. */
export const formatForYear: (year: number) => ReportFormat = reportFormatForYear;

// ---------------------------------------------------------------------------------------------
// Exact labels (regulation.md §1.1–§1.5, §2).

export const SECTION_HEADINGS: Readonly<Record<ReportFormat, readonly string[]>> = {
  '2021': [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ],
  // The 2019 heading of 五 as printed by Shanghai 2019 (regulation.md §2).
  '2019': [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、政府信息公开工作存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ],
};

export const SECTION3_CORNER_TEXT =
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADER_LABEL = '申请人情况';
export { LEGAL_ENTITY_GROUP_LABEL, TOTAL_COLUMN_LABEL };

export const SECTION3_ROW_LABELS = {
  received: '一、本年新收政府信息公开申请数量',
  carried_in: '二、上年结转政府信息公开申请数量',
  results: '三、本年度办理结果',
  total: '（七）总计',
  carried_forward: '四、结转下年度继续办理',
} as const;

export function section3ColumnLabel(column: Section3ColumnKey): string {
  if (column === 'total') return TOTAL_COLUMN_LABEL;
  const found = APPLICANT_CATEGORIES.find((c) => c.code === column);
  return found ? found.label : column;
}

/** Printed label of a section 三 data row (the innermost label of the row). */
export function section3RowLabel(key: Section3RowKey): string {
  switch (key) {
    case 'received':
    case 'carried_in':
    case 'total':
    case 'carried_forward':
      return SECTION3_ROW_LABELS[key];
    case 'other':
      return '（六）其他处理';
    default: {
      const o = outcomeDefinition(key);
      return o.item === null ? `${o.groupNumber}${o.label}` : `${o.item}.${o.label}`;
    }
  }
}

export function outcomeGroupLabel(group: OutcomeGroup): string {
  const g = OUTCOME_GROUPS.find((x) => x.group === group);
  return g ? `${g.number}${g.label}` : group;
}

export function section4GroupLabel(group: Section4Group): string {
  return PROCEEDING_KINDS.find((k) => k.code === group)?.label ?? group;
}

export function section4ColumnLabel(column: Section4Column): string {
  if (column === 'total') return '总计';
  return PROCEEDING_RESULTS.find((r) => r.code === column)?.label ?? column;
}

/** One row of a section 二 sub-table: its report field, printed label and value columns. */
export interface Section2RowSpec {
  key: string;
  label: string;
  /** Labels a published report may print instead (older or local templates). */
  aliases: readonly string[];
  fields: readonly { key: string; label: string; decimal?: boolean; signed?: boolean }[];
}

export interface Section2TableSpec {
  caption: string;
  columnLabels: readonly string[];
  rows: readonly Section2RowSpec[];
}

const DOCS_2021 = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'inForce', label: '现行有效件数' },
] as const;
const DOCS_2019 = [
  { key: 'newlyMade', label: '本年新制作数量' },
  { key: 'newlyPublished', label: '本年新公开数量' },
  { key: 'totalPublished', label: '对外公开总数量' },
] as const;
const ITEMS_2019 = [
  { key: 'previousYearItems', label: '上一年项目数量' },
  { key: 'change', label: '本年增/减', signed: true },
  { key: 'decisions', label: '处理决定数量' },
] as const;

/** Section 二 as four (2021) or five (2019) sub-tables, each with a caption row (regulation.md §1.2). */
export const SECTION2_TABLES: Readonly<Record<ReportFormat, readonly Section2TableSpec[]>> = {
  '2021': [
    {
      caption: '第二十条第（一）项',
      columnLabels: DOCS_2021.map((f) => f.label),
      rows: [
        { key: 'rules', label: '规章', aliases: [], fields: DOCS_2021 },
        {
          key: 'normativeDocuments',
          label: '行政规范性文件',
          aliases: ['规范性文件'],
          fields: DOCS_2021,
        },
      ],
    },
    {
      caption: '第二十条第（五）项',
      columnLabels: ['本年处理决定数量'],
      rows: [
        {
          key: 'licensing',
          label: '行政许可',
          aliases: [],
          fields: [{ key: 'decisions', label: '本年处理决定数量' }],
        },
      ],
    },
    {
      caption: '第二十条第（六）项',
      columnLabels: ['本年处理决定数量'],
      rows: [
        {
          key: 'penalties',
          label: '行政处罚',
          aliases: [],
          fields: [{ key: 'decisions', label: '本年处理决定数量' }],
        },
        {
          key: 'enforcement',
          label: '行政强制',
          aliases: [],
          fields: [{ key: 'decisions', label: '本年处理决定数量' }],
        },
      ],
    },
    {
      caption: '第二十条第（八）项',
      columnLabels: ['本年收费金额（单位：万元）'],
      rows: [
        {
          key: 'fees',
          label: '行政事业性收费',
          aliases: [],
          fields: [{ key: 'amountWan', label: '本年收费金额（单位：万元）', decimal: true }],
        },
      ],
    },
  ],
  '2019': [
    {
      caption: '第二十条第（一）项',
      columnLabels: DOCS_2019.map((f) => f.label),
      rows: [
        { key: 'rules', label: '规章', aliases: [], fields: DOCS_2019 },
        {
          key: 'normativeDocuments',
          label: '规范性文件',
          aliases: ['行政规范性文件'],
          fields: DOCS_2019,
        },
      ],
    },
    {
      caption: '第二十条第（五）项',
      columnLabels: ITEMS_2019.map((f) => f.label),
      rows: [
        { key: 'licensing', label: '行政许可', aliases: [], fields: ITEMS_2019 },
        { key: 'otherServices', label: '其他对外管理服务事项', aliases: [], fields: ITEMS_2019 },
      ],
    },
    {
      caption: '第二十条第（六）项',
      columnLabels: ITEMS_2019.map((f) => f.label),
      rows: [
        { key: 'penalties', label: '行政处罚', aliases: [], fields: ITEMS_2019 },
        { key: 'enforcement', label: '行政强制', aliases: [], fields: ITEMS_2019 },
      ],
    },
    {
      caption: '第二十条第（八）项',
      columnLabels: ITEMS_2019.slice(0, 2).map((f) => f.label),
      rows: [{ key: 'fees', label: '行政事业性收费', aliases: [], fields: ITEMS_2019.slice(0, 2) }],
    },
    {
      caption: '第二十条第（九）项',
      columnLabels: ['采购项目数量', '采购总金额'],
      rows: [
        {
          key: 'procurement',
          label: '政府集中采购',
          aliases: [],
          fields: [
            { key: 'projects', label: '采购项目数量' },
            { key: 'totalAmount', label: '采购总金额', decimal: true },
          ],
        },
      ],
    },
  ],
};

export function section2Rows(format: ReportFormat): readonly Section2RowSpec[] {
  return SECTION2_TABLES[format].flatMap((t) => t.rows);
}

// ---------------------------------------------------------------------------------------------
// Constructors and accessors.

export function emptySection3(format: ReportFormat): Section3 {
  return zeroSection3(format);
}

/** Section 三 of zeros, as counts (the statistics add to it). */
export function zeroSection3(format: ReportFormat): Section3<number> {
  const rows: Partial<Record<Section3RowKey, number[]>> = {};
  for (const key of section3RowKeys(format)) rows[key] = SECTION3_COLUMNS.map(() => 0);
  return { columns: [...SECTION3_COLUMNS], rows };
}

export function emptySection4(): Section4 {
  return zeroSection4();
}

/** Section 四 of zeros, as counts. */
export function zeroSection4(): Section4<number> {
  const group = (): Record<Section4Column, number> => ({
    maintained: 0,
    corrected: 0,
    other: 0,
    pending: 0,
    total: 0,
  });
  return {
    reconsideration: group(),
    litigation_direct: group(),
    litigation_after_reconsideration: group(),
  };
}

/** Section 二 with every cell set to `fill` (0 for a blank form, null for "not printed"). */
export function emptySection2(format: ReportFormat, fill: Figure = 0): Section2 {
  const out: Record<string, Record<string, Figure>> = {};
  for (const row of section2Rows(format)) {
    out[row.key] = Object.fromEntries(row.fields.map((f) => [f.key, fill]));
  }
  return out as unknown as Section2;
}

/** Reads a section 二 cell without knowing the format's static type. */
export function section2Value(section2: Section2 | null, row: string, field: string): Figure {
  if (!section2) return null;
  const r = (section2 as unknown as Record<string, Record<string, Figure> | undefined>)[row];
  const v = r?.[field];
  return v === undefined ? null : v;
}

export function section3Row(report: Pick<AnnualReport, 'section3'>, key: Section3RowKey): Figure[] {
  return report.section3.rows[key] ?? SECTION3_COLUMNS.map(() => null);
}

export interface NewReportInput {
  agency: { code: string; name: string };
  year: number;
  format?: ReportFormat;
  status?: ReportStatus;
  version?: number | null;
  section2?: Section2 | null;
  section3?: Section3;
  section4?: Section4;
  texts?: Partial<ReportTexts>;
}

/** A report with zero tables unless given: the starting point of a draft. */
export function createReport(input: NewReportInput): AnnualReport {
  const format = input.format ?? formatForYear(input.year);
  return {
    agency: { ...input.agency },
    year: input.year,
    format,
    status: input.status ?? 'draft',
    version: input.version ?? null,
    section2: input.section2 === undefined ? emptySection2(format) : input.section2,
    section3: input.section3 ?? emptySection3(format),
    section4: input.section4 ?? emptySection4(),
    texts: { overview: '', problems: '', other: '', ...input.texts },
    checks: [],
  };
}

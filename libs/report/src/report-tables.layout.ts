import { LEGAL_ENTITY_GROUP_LABEL, OUTCOMES, type OutcomeGroup } from '@gongkai/domain';
import {
  type AnnualReport,
  APPLICANT_HEADER_LABEL,
  type CellRef,
  type Figure,
  outcomeGroupLabel,
  type ReportFormat,
  SECTION2_TABLES,
  section2Value,
  SECTION3_COLUMNS,
  SECTION3_CORNER_TEXT,
  section3ColumnLabel,
  section3Row,
  section3RowKeys,
  section3RowLabel,
  SECTION3_ROW_LABELS,
  type Section3RowKey,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section4ColumnLabel,
  section4GroupLabel,
  TOTAL_COLUMN_LABEL,
} from './report-model';

export type LayoutCellKind = 'caption' | 'header' | 'label' | 'value';

/** One printed cell of an official table, placed where it starts, as in HTML. */
export interface LayoutCell {
  text: string;
  kind: LayoutCellKind;
  rowSpan: number;
  colSpan: number;
  /** The report cell a value shows. */
  ref?: CellRef;
  /** Section 二 amounts are decimals. */
  decimal?: boolean;
}

export interface LayoutTable {
  section: '2' | '3' | '4';
  columnCount: number;
  rows: LayoutCell[][];
}

const cell = (text: string, kind: LayoutCellKind, rowSpan = 1, colSpan = 1): LayoutCell => ({
  text,
  kind,
  rowSpan,
  colSpan,
});

/** Printed form of a figure: section 二 prints "/" for not applicable, 三 and 四 leave it blank. */
export function formatFigure(value: Figure, section: '2' | '3' | '4', signed = false): string {
  if (value === null) return section === '2' ? '/' : '';
  if (signed && value > 0) return `+${value}`;
  return String(value);
}

function section2Tables(report: AnnualReport): LayoutTable[] {
  return SECTION2_TABLES[report.format].map((spec) => {
    const columnCount = spec.columnLabels.length + 1;
    const rows: LayoutCell[][] = [
      [cell(spec.caption, 'caption', 1, columnCount)],
      [cell('信息内容', 'header'), ...spec.columnLabels.map((l) => cell(l, 'header'))],
    ];
    for (const row of spec.rows) {
      rows.push([
        cell(row.label, 'label'),
        ...row.fields.map((f) => {
          const value = section2Value(report.section2, row.key, f.key);
          const signed = 'signed' in f && f.signed === true;
          return {
            ...cell(formatFigure(value, '2', signed), 'value'),
            ref: { section: '2', row: row.key, column: f.key } as CellRef,
            decimal: 'decimal' in f && f.decimal === true,
          };
        }),
      ]);
    }
    return { section: '2' as const, columnCount, rows };
  });
}

function groupOf(key: Section3RowKey): OutcomeGroup | null {
  if (key === 'other') return 'other';
  return OUTCOMES.find((o) => o.code === key)?.group ?? null;
}

function section3Table(report: AnnualReport): LayoutTable {
  const format: ReportFormat = report.format;
  const keys = section3RowKeys(format);
  const outcomeKeys = keys.filter((k) => groupOf(k) !== null);
  const values = (key: Section3RowKey): LayoutCell[] =>
    section3Row(report, key).map((v, c) => ({
      ...cell(formatFigure(v, '3'), 'value'),
      ref: { section: '3', row: key, column: SECTION3_COLUMNS[c] ?? String(c) },
    }));
  const rows: LayoutCell[][] = [
    [cell(SECTION3_CORNER_TEXT, 'header', 3, 3), cell(APPLICANT_HEADER_LABEL, 'header', 1, 7)],
    [
      cell(section3ColumnLabel('natural_person'), 'header', 2),
      cell(LEGAL_ENTITY_GROUP_LABEL, 'header', 1, 5),
      cell(TOTAL_COLUMN_LABEL, 'header', 2),
    ],
    SECTION3_COLUMNS.slice(1, 6).map((c) => cell(section3ColumnLabel(c), 'header')),
    [cell(SECTION3_ROW_LABELS.received, 'label', 1, 3), ...values('received')],
    [cell(SECTION3_ROW_LABELS.carried_in, 'label', 1, 3), ...values('carried_in')],
  ];
  // 三、本年度办理结果 spans the outcome rows and （七）总计: 22 rows in 2021, 20 in 2019.
  const resultSpan = outcomeKeys.length + 1;
  outcomeKeys.forEach((key, index) => {
    const group = groupOf(key);
    const members = outcomeKeys.filter((k) => groupOf(k) === group);
    const lead: LayoutCell[] =
      index === 0 ? [cell(SECTION3_ROW_LABELS.results, 'label', resultSpan)] : [];
    if (members.length === 1) {
      rows.push([...lead, cell(section3RowLabel(key), 'label', 1, 2), ...values(key)]);
    } else {
      const groupLead =
        members[0] === key && group !== null
          ? [cell(outcomeGroupLabel(group), 'label', members.length)]
          : [];
      rows.push([...lead, ...groupLead, cell(section3RowLabel(key), 'label'), ...values(key)]);
    }
  });
  rows.push([cell(SECTION3_ROW_LABELS.total, 'label', 1, 2), ...values('total')]);
  rows.push([
    cell(SECTION3_ROW_LABELS.carried_forward, 'label', 1, 3),
    ...values('carried_forward'),
  ]);
  return { section: '3', columnCount: 10, rows };
}

function section4Table(report: AnnualReport): LayoutTable {
  const results = SECTION4_COLUMNS.map((c) => section4ColumnLabel(c));
  const [reconsideration, ...litigation] = SECTION4_GROUPS;
  return {
    section: '4',
    columnCount: 15,
    rows: [
      [
        cell(section4GroupLabel(reconsideration ?? 'reconsideration'), 'header', 1, 5),
        cell('行政诉讼', 'header', 1, 10),
      ],
      [
        ...results.map((l) => cell(l, 'header', 2)),
        ...litigation.map((g) => cell(section4GroupLabel(g), 'header', 1, 5)),
      ],
      litigation.flatMap(() => results.map((l) => cell(l, 'header'))),
      SECTION4_GROUPS.flatMap((group) =>
        SECTION4_COLUMNS.map((column) => ({
          ...cell(formatFigure(report.section4[group][column], '4'), 'value'),
          ref: { section: '4', row: group, column } as CellRef,
        })),
      ),
    ],
  };
}

/** The official tables of 二, 三 and 四 with their merged cells (regulation.md §1.2–§1.4). */
export function reportTables(report: AnnualReport): {
  section2: LayoutTable[];
  section3: LayoutTable;
  section4: LayoutTable;
} {
  return {
    section2: section2Tables(report),
    section3: section3Table(report),
    section4: section4Table(report),
  };
}

/**
 * Each row as printed in the text layout: a cell covered by a merged cell from a row above
 * appears as one empty cell (once per covering cell, whatever its width).
 */
export function printedRows(
  table: LayoutTable,
): { text: string; kind: LayoutCellKind | 'covered' }[][] {
  const covered: { untilRow: number; colSpan: number }[] = [];
  return table.rows.map((row, r) => {
    const out: { text: string; kind: LayoutCellKind | 'covered' }[] = [];
    let col = 0;
    let next = 0;
    while (col < table.columnCount) {
      const cover = covered[col];
      if (cover && cover.untilRow >= r) {
        out.push({ text: '', kind: 'covered' });
        col += cover.colSpan;
        continue;
      }
      const c = row[next++];
      if (!c) break;
      out.push({ text: c.text, kind: c.kind });
      if (c.rowSpan > 1) covered[col] = { untilRow: r + c.rowSpan - 1, colSpan: c.colSpan };
      col += c.colSpan;
    }
    return out;
  });
}

/** Each cell with its grid position (row, column, zero-based), for spreadsheet and DOCX merges. */
export function placedCells(table: LayoutTable): { cell: LayoutCell; row: number; col: number }[] {
  const occupied = new Set<string>();
  const out: { cell: LayoutCell; row: number; col: number }[] = [];
  table.rows.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      while (occupied.has(`${r}:${col}`)) col++;
      out.push({ cell: c, row: r, col });
      for (let dr = 0; dr < c.rowSpan; dr++) {
        for (let dc = 0; dc < c.colSpan; dc++) occupied.add(`${r + dr}:${col + dc}`);
      }
      col += c.colSpan;
    }
  });
  return out;
}

import { type AnnualReport, SECTION_HEADINGS } from './report-model';
import { type LayoutTable, printedRows, reportTables } from './report-tables.layout';

export interface TextRenderOptions {
  /** Text printed before 一、总体情况 (legal basis, download place, contacts). */
  preamble?: string;
}

function tableLines(tables: readonly LayoutTable[]): string[] {
  const lines: string[] = [];
  for (const table of tables) {
    for (const row of printedRows(table)) {
      for (const c of row) lines.push(`\t${c.text}`);
      lines.push('');
    }
  }
  lines.push('');
  return lines;
}

function textLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
}

/**
 * Plain text in the layout of the example report (fixtures/reports/2023-tongguan-renmin-shequ.txt):
 * one table cell per line after a tab, a blank line after each table row, an empty tab line for
 * a cell covered by a merged cell, one more blank line after each table.
 */
export function renderText(report: AnnualReport, options: TextRenderOptions = {}): string {
  const headings = SECTION_HEADINGS[report.format];
  const tables = reportTables(report);
  const preamble = options.preamble ?? '';
  // The title names agency and year; a reader of the downloaded text needs both (lint reads them).
  const title = /政府信息公开工作年度报告/.test(preamble)
    ? []
    : [`${report.agency.name}${report.year}年度政府信息公开工作年度报告`];
  const lines: string[] = [
    ...title,
    ...textLines(preamble),
    headings[0] ?? '',
    ...textLines(report.texts.overview),
    headings[1] ?? '',
    ...tableLines(tables.section2),
    headings[2] ?? '',
    ...tableLines([tables.section3]),
    headings[3] ?? '',
    ...tableLines([tables.section4]),
    headings[4] ?? '',
    ...textLines(report.texts.problems),
    headings[5] ?? '',
    ...textLines(report.texts.other),
  ];
  return lines.join('\n') + '\n';
}

import { type AnnualReport } from './report-model';
import { type ReportFinding } from './reader/report-findings';
import { linesFromText, type ReportLine } from './reader/report-lines';
import { type ReadOptions, readReportLines } from './reader/table-reader';
import { tokenizeLayoutRows } from './reader/layout-rows';

export { ReportParseError } from './reader/parse-error';
export { readFigure } from './reader/table-reader';
export type { ReportFinding, FindingKind } from './reader/report-findings';

export type ParseOptions = ReadOptions;

export interface ParsedReport {
  report: AnnualReport;
  /** Text before 一、总体情况 (title, legal basis, contacts). */
  preamble: string;
  /** The findings' messages: misprinted labels, missing rows, odd cells. */
  warnings: string[];
  /** What the reader found about the printed tables (structure, misprints, ambiguous cells). */
  findings: ReportFinding[];
}

/** Folds the spellings a published label may use: spaces, half-width punctuation, quotes. */
export function normalizeLabel(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/[．。、]/g, '.')
    .replace(/["'‘’「」『』]/g, '“')
    .replace(/”/g, '“');
}

/** Rows of cells: a tab line starts a cell, other text continues it, a blank line ends the row. */
export const tokenizeTable = tokenizeLayoutRows;

/** Reads report lines of any format into the model with the one table reader. */
export function parseReportLines(
  lines: readonly ReportLine[],
  options: ParseOptions = {},
): ParsedReport {
  const { report, preamble, findings } = readReportLines(lines, options);
  return { report, preamble, findings, warnings: findings.map((f) => f.message) };
}

/**
 * Parses a report as text: the text layout of the example report (fixtures README, also what the
 * HTML and DOCX readers produce) or text copied or extracted from a PDF (labels and figures on
 * one line, headers broken over lines, page footers in between).
 */
export function parseReportText(input: string, options: ParseOptions = {}): ParsedReport {
  return parseReportLines(linesFromText(input), options);
}

const SECTION_HEADING = /^[一二三四五六]、/;

/**
 * A text report reduced to what a reader compares: the section headings and, under each, the
 * table cells row by row (whitespace inside cells folded). Two reports with the same sequence
 * print the same tables in the same places, whatever their prose and line breaks.
 */
export function tableCellSequence(text: string): string[] {
  const out: string[] = [];
  let block: string[] = [];
  const flush = (): void => {
    for (const row of tokenizeTable(block))
      out.push(row.map((c) => c.replace(/\s/g, '')).join(' | '));
    block = [];
  };
  for (const line of text.split('\n')) {
    if (!line.startsWith('\t') && SECTION_HEADING.test(line)) {
      flush();
      out.push(`## ${line.trim()}`);
    } else {
      block.push(line);
    }
  }
  flush();
  return out;
}

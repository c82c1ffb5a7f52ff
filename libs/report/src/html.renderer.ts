import { type AnnualReport, SECTION_HEADINGS } from './report-model';
import { type LayoutTable, reportTables } from './report-tables.layout';

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PRINT_CSS = `
@page { size: A4; margin: 2.5cm 2cm; }
body { font-family: "FangSong", "仿宋", "仿宋_GB2312", "STFangsong", serif; font-size: 16pt; line-height: 1.6; color: #000; max-width: 960px; margin: 0 auto; }
h1 { font-family: "SimSun", "宋体", serif; font-size: 22pt; text-align: center; font-weight: bold; }
h2 { font-family: "SimHei", "黑体", sans-serif; font-size: 16pt; margin: 1em 0 .5em; }
p { text-indent: 2em; margin: 0 0 .3em; }
table.report-table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-family: "SimSun", "宋体", serif; font-size: 10.5pt; line-height: 1.3; }
table.report-table td, table.report-table th { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }
table.report-table td.label { text-align: left; }
table.report-table td.value { font-variant-numeric: tabular-nums; }
@media print {
  body { max-width: none; }
  table.report-table { page-break-inside: auto; }
  table.report-table tr { page-break-inside: avoid; }
  h2 { page-break-after: avoid; }
}`;

function tableHtml(table: LayoutTable): string {
  const rows = table.rows.map((row) => {
    const cells = row.map((c) => {
      const tag = c.kind === 'value' || c.kind === 'label' ? 'td' : 'th';
      const attrs = [
        `class="${c.kind}"`,
        c.rowSpan > 1 ? `rowspan="${c.rowSpan}"` : '',
        c.colSpan > 1 ? `colspan="${c.colSpan}"` : '',
        c.ref ? `data-cell="${escape(`${c.ref.section}/${c.ref.row}/${c.ref.column}`)}"` : '',
      ].filter((a) => a !== '');
      return `<${tag} ${attrs.join(' ')}>${escape(c.text)}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table class="report-table section-${table.section}">\n${rows.join('\n')}\n</table>`;
}

function paragraphs(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${escape(l)}</p>`)
    .join('\n');
}

/**
 * A complete HTML document in the official table layout: merged cells as published
 * (三、本年度办理结果 rowspan 22 in 2021, 20 in 2019), print CSS for A4.
 */
export function renderHtml(report: AnnualReport): string {
  const headings = SECTION_HEADINGS[report.format];
  const tables = reportTables(report);
  const title = `${report.agency.name}${report.year}年度政府信息公开工作年度报告`;
  const h = (i: number): string => `<h2>${escape(headings[i] ?? '')}</h2>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><title>${escape(title)}</title><style>${PRINT_CSS}</style></head>`,
    '<body>',
    `<h1>${escape(title)}</h1>`,
    h(0),
    paragraphs(report.texts.overview),
    h(1),
    ...tables.section2.map(tableHtml),
    h(2),
    tableHtml(tables.section3),
    h(3),
    tableHtml(tables.section4),
    h(4),
    paragraphs(report.texts.problems),
    h(5),
    paragraphs(report.texts.other),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

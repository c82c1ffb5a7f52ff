import type ExcelJS from 'exceljs';
import { type AnnualReport, SECTION_HEADINGS } from './report-model';
import { type LayoutTable, placedCells, reportTables } from './report-tables.layout';

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Writes a table from `startRow` (1-based); returns the next free row. */
function writeTable(sheet: ExcelJS.Worksheet, table: LayoutTable, startRow: number): number {
  for (const { cell, row, col } of placedCells(table)) {
    const r = startRow + row;
    const c = 1 + col;
    if (cell.rowSpan > 1 || cell.colSpan > 1)
      sheet.mergeCells(r, c, r + cell.rowSpan - 1, c + cell.colSpan - 1);
    const target = sheet.getCell(r, c);
    if (cell.kind === 'value') {
      const n = cell.text === '' || cell.text === '/' ? null : Number(cell.text);
      target.value = n === null || Number.isNaN(n) ? cell.text : n;
    } else {
      target.value = cell.text;
    }
    target.alignment = {
      vertical: 'middle',
      horizontal: cell.kind === 'label' ? 'left' : 'center',
      wrapText: true,
    };
    target.font = { name: '宋体', size: 10.5, bold: cell.kind === 'caption' };
    for (let dr = 0; dr < cell.rowSpan; dr++) {
      for (let dc = 0; dc < cell.colSpan; dc++) sheet.getCell(r + dr, c + dc).border = BORDER;
    }
  }
  return startRow + table.rows.length;
}

/**
 * The tables of 二, 三 and 四 each on its own sheet, merged cells as published. Bytes rather than
 * a Node Buffer: the desk builds this workbook in the browser, where there is no Buffer.
 */
export async function renderXlsx(report: AnnualReport): Promise<Uint8Array> {
  // Loaded when a workbook is made (it takes about a second): `gongkai lint` and the other
  // commands that import this library never pay for it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'Gongkai';
  const headings = SECTION_HEADINGS[report.format];
  const tables = reportTables(report);
  const sheets: [string, string, LayoutTable[], number[]][] = [
    ['二 主动公开', headings[1] ?? '', tables.section2, [24, 18, 18, 18]],
    ['三 收到和处理申请', headings[2] ?? '', [tables.section3], [12, 14, 44, 9, 9, 9, 9, 9, 9, 9]],
    ['四 复议诉讼', headings[3] ?? '', [tables.section4], Array<number>(15).fill(8)],
  ];
  for (const [name, heading, list, widths] of sheets) {
    const sheet = workbook.addWorksheet(name, {
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    sheet.columns = widths.map((width) => ({ width }));
    sheet.getCell(1, 1).value = `${report.agency.name}${report.year}年度 ${heading}`;
    sheet.getCell(1, 1).font = { name: '黑体', size: 12, bold: true };
    let row = 3;
    for (const table of list) row = writeTable(sheet, table, row) + 1;
  }
  // exceljs answers a Buffer in Node and an ArrayBuffer in browsers; both read as bytes.
  const data = await workbook.xlsx.writeBuffer();
  return new Uint8Array(data as ArrayBuffer);
}

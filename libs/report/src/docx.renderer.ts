import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { type AnnualReport, SECTION_HEADINGS } from './report-model';
import { type LayoutTable, reportTables } from './report-tables.layout';

// Customary 公文 typography (GB/T 9704): body 仿宋 三号 (16pt), tables 宋体 五号 (10.5pt).
const BODY_FONT = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋', cs: 'FangSong' };
const TABLE_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
const A4 = { width: 11906, height: 16838 };
const CONTENT_WIDTH = 11906 - 2 * 1440;

function bodyParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map(
      (line) =>
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: { line: 560 },
          children: [new TextRun({ text: line, font: BODY_FONT, size: 32 })],
        }),
    );
}

function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: HEADING_FONT, size: 32, color: '000000' })],
  });
}

function table(layout: LayoutTable): Table {
  const columnWidth = Math.floor(CONTENT_WIDTH / layout.columnCount);
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: Array<number>(layout.columnCount).fill(columnWidth),
    rows: layout.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.map(
            (c) =>
              new TableCell({
                rowSpan: c.rowSpan,
                columnSpan: c.colSpan,
                verticalAlign: VerticalAlign.CENTER,
                children: [
                  new Paragraph({
                    alignment: c.kind === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
                    children: [
                      new TextRun({
                        text: c.text,
                        font: TABLE_FONT,
                        size: 21,
                        bold: c.kind === 'caption',
                      }),
                    ],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** A4 DOCX with the official tables (merged cells), 仿宋/宋体 fonts and page numbers in the footer. */
export async function renderDocx(report: AnnualReport): Promise<Buffer> {
  const headings = SECTION_HEADINGS[report.format];
  const tables = reportTables(report);
  const spacer = (): Paragraph => new Paragraph({ children: [] });
  const doc = new Document({
    creator: 'Gongkai',
    title: `${report.agency.name}${report.year}年度政府信息公开工作年度报告`,
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: TABLE_FONT,
                    size: 28,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [
              new TextRun({
                text: `${report.agency.name}${report.year}年度政府信息公开工作年度报告`,
                font: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' },
                size: 44,
                bold: true,
              }),
            ],
          }),
          heading(headings[0] ?? ''),
          ...bodyParagraphs(report.texts.overview),
          heading(headings[1] ?? ''),
          ...tables.section2.flatMap((t) => [table(t), spacer()]),
          heading(headings[2] ?? ''),
          table(tables.section3),
          heading(headings[3] ?? ''),
          table(tables.section4),
          heading(headings[4] ?? ''),
          ...bodyParagraphs(report.texts.problems),
          heading(headings[5] ?? ''),
          ...bodyParagraphs(report.texts.other),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

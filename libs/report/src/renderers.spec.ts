import ExcelJS from 'exceljs';
import { renderSection3Csv, renderSection4Csv } from './csv.renderer';
import { parseReportDocx } from './docx.parser';
import { renderDocx } from './docx.renderer';
import { parseReportHtml } from './html.parser';
import { renderHtml } from './html.renderer';
import { parseReportJson } from './json.parser';
import { renderJson, toReportJson } from './json.renderer';
import { feeStatement } from './paragraphs.generator';
import { lintReport } from './consistency.checks';
import { type AnnualReport, section3RowKeys } from './report-model';
import { renderXlsx } from './xlsx.renderer';
import { fixture } from './test-fixtures';

const withTexts = (report: AnnualReport): AnnualReport => ({
  ...report,
  texts: {
    overview: '（一）主动公开情况\n全年主动公开信息。',
    problems: '存在的问题：一是……',
    other: '其他事项。',
  },
});
const report2023 = withTexts(parseReportJson(fixture('2023-pingtan-zonghe-shiyanqu.json')));
const report2020 = withTexts(parseReportJson(fixture('2020-pingtan-zonghe-shiyanqu.json')));

describe('JSON renderer', () => {
  it('has the shape of report-json.md, all row keys in the official order', () => {
    const json = JSON.parse(renderJson(lintReport(report2023).report)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'agency',
      'year',
      'format',
      'status',
      'version',
      'section2',
      'section3',
      'section4',
      'texts',
      'checks',
    ]);
    const s3 = json['section3'] as { rows: Record<string, number[]>; columns: string[] };
    expect(Object.keys(s3.rows)).toEqual([...section3RowKeys('2021')]);
    expect(s3.columns).toHaveLength(7);
    expect((json['checks'] as { id: string; ok: boolean }[])[0]).toMatchObject({
      id: 'I1',
      ok: true,
    });
    expect(parseReportJson(JSON.stringify(json)).section3).toEqual(report2023.section3);
  });

  it('writes "/" cells of 二 as null and the 2019 shape with the single other row', () => {
    const json = toReportJson(report2020) as {
      section2: unknown;
      section3: { rows: Record<string, unknown> };
    };
    expect(json.section2).toBeNull();
    expect(Object.keys(json.section3.rows)).toContain('other');
    expect(Object.keys(json.section3.rows)).toHaveLength(23);
  });
});

describe('HTML renderer', () => {
  it('prints the official merged cells and print CSS, and parses back', () => {
    const html = renderHtml(report2023);
    expect(html).toContain('rowspan="22"');
    expect(html).toContain('rowspan="3" colspan="3"');
    expect(html).toContain('colspan="7">申请人情况');
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4');
    const back = parseReportHtml(html).report;
    expect(back.year).toBe(2023);
    expect(back.section3).toEqual(report2023.section3);
    expect(back.section4).toEqual(report2023.section4);
    expect(back.texts).toEqual(report2023.texts);
  });

  it('uses rowspan 20 in the 2019 format and parses back', () => {
    const html = renderHtml(report2020);
    expect(html).toContain('rowspan="20"');
    expect(html).toContain('五、政府信息公开工作存在的主要问题及改进情况');
    expect(parseReportHtml(html).report.section3).toEqual(report2020.section3);
  });

  it('reads a published-style HTML table with line breaks inside labels', () => {
    const html = renderHtml(parseReportJson(fixture('2022-pingtan-jiaotong-jianshe.json'))).replace(
      '>商业企业<',
      '>商业<br/>企业<',
    );
    expect(parseReportHtml(html, { year: 2022 }).report.section3.rows.received).toEqual([
      11, 0, 0, 0, 0, 0, 11,
    ]);
  });
});

describe('DOCX renderer', () => {
  it('writes an A4 document that reads back through mammoth to the same figures', async () => {
    const docx = await renderDocx(report2023);
    expect(Buffer.from(docx.subarray(0, 2)).toString()).toBe('PK');
    const back = await parseReportDocx(docx);
    expect(back.report.section3).toEqual(report2023.section3);
    expect(back.report.section4).toEqual(report2023.section4);
    expect(back.report.section2).toEqual(report2023.section2);
  });
});

describe('XLSX renderer', () => {
  it('puts the three tables on their own sheets with merged cells', async () => {
    const buffer = await renderXlsx(report2023);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '二 主动公开',
      '三 收到和处理申请',
      '四 复议诉讼',
    ]);
    const s3 = workbook.getWorksheet('三 收到和处理申请');
    expect(s3?.getCell('A3').value).toBe(
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    );
    expect(s3?.getCell('A3').isMerged).toBe(true);
    expect(s3?.getCell('D6').value).toBe(80);
    expect(s3?.getCell('J6').value).toBe(81);
  });
});

describe('CSV renderer', () => {
  it('writes section 三 and 四 as open data', () => {
    const csv3 = renderSection3Csv(report2023).split('\r\n');
    expect(csv3[1]).toBe(
      '2023,pingtan-zonghe-shiyanqu,received,一、本年新收政府信息公开申请数量,80,1,0,0,0,0,81',
    );
    expect(csv3).toHaveLength(27);
    expect(renderSection4Csv(report2023).split('\r\n')[2]).toBe(
      '2023,pingtan-zonghe-shiyanqu,litigation_direct,未经复议直接起诉,4,0,0,1,5',
    );
  });
});

describe('fee statement of 六 (Project rule 7)', () => {
  it('says no fee arose, as the example report does', () => {
    expect(feeStatement({ year: 2023, amountYuan: 0, noticeCount: 0, unpaidCount: 0 })).toBe(
      '按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）规定的按件、按量收费标准，本年度没有产生信息处理费。',
    );
  });

  it('states the amount, the fee notices and the applications closed as unpaid', () => {
    const text = feeStatement({ year: 2024, amountYuan: 4000, noticeCount: 3, unpaidCount: 1 });
    expect(text).toContain('共发出收费通知3件，收取信息处理费4000元');
    expect(text).toContain('不再处理的政府信息公开申请1件');
  });
});

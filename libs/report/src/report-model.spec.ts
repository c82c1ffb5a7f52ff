import {
  createReport,
  emptySection2,
  SECTION_HEADINGS,
  section2Rows,
  section3RowKeys,
  section3RowLabel,
} from './report-model';
import { reportTables } from './report-tables.layout';

describe('report model', () => {
  it('has 25 rows of 三 in 2021 and 23 in 2019, where （六）其他处理 is one row', () => {
    expect(section3RowKeys('2021')).toHaveLength(25);
    expect(section3RowKeys('2019')).toHaveLength(23);
    expect(section3RowKeys('2019')).toContain('other');
    expect(section3RowKeys('2019')).not.toContain('other.other');
    expect(section3RowKeys('2021')[0]).toBe('received');
    expect(section3RowKeys('2021')[24]).toBe('carried_forward');
    expect(section3RowLabel('other')).toBe('（六）其他处理');
    expect(section3RowLabel('withheld.security_stability')).toBe('3.危及“三安全一稳定”');
  });

  it('has 10 cells in section 二 in 2021 and 22 in the 2019 trial format', () => {
    const cells = (f: '2019' | '2021'): number =>
      section2Rows(f).reduce((n, r) => n + r.fields.length, 0);
    expect(cells('2021')).toBe(10);
    expect(cells('2019')).toBe(22);
    expect(Object.keys(emptySection2('2021'))).toEqual([
      'rules',
      'normativeDocuments',
      'licensing',
      'penalties',
      'enforcement',
      'fees',
    ]);
  });

  it('prints the 2019 heading of 五 as the trial format does', () => {
    expect(SECTION_HEADINGS['2021'][4]).toBe('五、存在的主要问题及改进情况');
    expect(SECTION_HEADINGS['2019'][4]).toBe('五、政府信息公开工作存在的主要问题及改进情况');
  });

  it('merges 三、本年度办理结果 over 22 rows in 2021 and 20 in 2019', () => {
    for (const [format, span] of [
      ['2021', 22],
      ['2019', 20],
    ] as const) {
      const report = createReport({
        agency: { code: 'x', name: 'X' },
        year: format === '2021' ? 2023 : 2019,
        format,
      });
      const table = reportTables(report).section3;
      const results = table.rows.flat().find((c) => c.text === '三、本年度办理结果');
      expect(results?.rowSpan).toBe(span);
      const corner = table.rows[0]?.[0];
      expect(corner).toMatchObject({ rowSpan: 3, colSpan: 3 });
      expect(table.rows.flat().filter((c) => c.kind === 'value')).toHaveLength(
        section3RowKeys(format).length * 7,
      );
    }
  });

  it('keeps "/" (null) distinct from 0 in section 二', () => {
    const report = createReport({ agency: { code: 'x', name: 'X' }, year: 2023 });
    const s2 = emptySection2('2021');
    (s2 as { rules: { issued: number | null } }).rules.issued = null;
    const table = reportTables({ ...report, section2: s2 }).section2[0];
    expect(table?.rows[2]?.map((c) => c.text)).toEqual(['规章', '/', '0', '0']);
  });
});

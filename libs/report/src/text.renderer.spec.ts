import fc from 'fast-check';
import { applicationsParagraph } from './paragraphs.generator';
import {
  createReport,
  formatForYear,
  section3RowKeys,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
} from './report-model';
import { buildSection3 } from './section3.builder';
import { buildSection4 } from './section4.builder';
import { parseReportText, tableCellSequence } from './text.parser';
import { renderText } from './text.renderer';
import { fixture } from './test-fixtures';

describe('renderText', () => {
  const example = fixture('2023-tongguan-renmin-shequ.txt');
  const parsed = parseReportText(example);

  it('round trip: the example agency with its texts, zero figures and no cases reproduces every table cell of the example report', () => {
    const report = createReport({
      agency: { code: 'tongguan-renmin', name: '铜官区人民社区' },
      year: 2023,
      section3: buildSection3([], 2023),
      section4: buildSection4([], 2023),
      texts: parsed.report.texts,
    });
    const rendered = renderText(report, { preamble: parsed.preamble });
    const expected = tableCellSequence(example);
    expect(expected.filter((l) => l.startsWith('## '))).toHaveLength(6);
    expect(expected.length).toBeGreaterThan(40);
    expect(tableCellSequence(rendered)).toEqual(expected);
    // The narrative lines come back unchanged too.
    const prose = (t: string): string[] =>
      t.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('\t') && !/^\S{1,4}$/.test(l));
    expect(prose(rendered)).toEqual(prose(example));
  });

  it('prints one cell per line after a tab, a blank line after each row, an empty tab line under a merged cell', () => {
    const text = renderText(createReport({ agency: { code: 'x', name: 'X' }, year: 2023 }));
    expect(text).toContain('\t三、本年度办理结果\n\t（一）予以公开\n\t0\n');
    expect(text).toContain('\n\t\n\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n');
    expect(text).toContain('\n\t\n\t\n\t2.其他法律行政法规禁止公开\n');
    expect(text).toContain('\t0\n\n\n三、收到和处理政府信息公开申请情况\n');
  });

  it('property: text rendering parses back to the same figures (both formats)', () => {
    const figure = fc.integer({ min: 0, max: 5000 });
    fc.assert(
      fc.property(
        fc.integer({ min: 2019, max: 2026 }),
        fc.array(figure, { minLength: 175, maxLength: 175 }),
        fc.array(figure, { minLength: 15, maxLength: 15 }),
        (year, s3, s4) => {
          const report = createReport({
            agency: { code: 'x', name: '某机关' },
            year,
            texts: { overview: '概述', problems: '问题', other: '其他' },
          });
          section3RowKeys(report.format).forEach((key, r) => {
            report.section3.rows[key] = s3.slice(r * 7, r * 7 + 7);
          });
          SECTION4_GROUPS.forEach((g, gi) =>
            SECTION4_COLUMNS.forEach((c, ci) => (report.section4[g][c] = s4[gi * 5 + ci] ?? 0)),
          );
          const back = parseReportText(renderText(report), { year });
          expect(back.warnings).toEqual([]);
          expect(back.report.format).toBe(formatForYear(year));
          expect(back.report.section3).toEqual(report.section3);
          expect(back.report.section4).toEqual(report.section4);
          expect(back.report.section2).toEqual(report.section2);
          expect(back.report.texts).toEqual(report.texts);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('generates 一’s 依申请公开 paragraph in the example’s wording when nothing was received', () => {
    const report = createReport({ agency: { code: 'x', name: '人民社区' }, year: 2023 });
    expect(applicationsParagraph(report)).toBe('2023年，人民社区未收到依申请公开信息相关情况。');
    expect(parsed.report.texts.overview).toContain(applicationsParagraph(report));
  });
});

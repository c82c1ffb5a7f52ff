import fc from 'fast-check';
import { renderDocx } from '../docx.renderer';
import { renderHtml } from '../html.renderer';
import { renderJson } from '../json.renderer';
import { applicationsParagraph } from '../paragraphs.generator';
import {
  type AnnualReport,
  createReport,
  emptySection2,
  type Figure,
  formatForYear,
  section2Rows,
  section3RowKeys,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
} from '../report-model';
import { lintReportContent } from '../report.lint';
import { parseReport, type ReportFileKind } from '../report.parser';
import { renderText } from '../text.renderer';

const AGENCIES = [
  '铜官区人民社区',
  '平潭综合实验区金井片区管理局',
  '淮安市洪泽区人民政府',
  '某市自然资源局',
];

const reportArb = fc
  .record({
    year: fc.integer({ min: 2019, max: 2026 }),
    agency: fc.constantFrom(...AGENCIES),
    s3: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 175, maxLength: 175 }),
    s4: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 15, maxLength: 15 }),
    s2: fc.array(fc.oneof(fc.integer({ min: 0, max: 20000 }), fc.constant(null)), {
      minLength: 22,
      maxLength: 22,
    }),
  })
  .map(({ year, agency, s3, s4, s2 }): AnnualReport => {
    const format = formatForYear(year);
    const report = createReport({ agency: { code: 'gen', name: agency }, year, format });
    section3RowKeys(format).forEach((key, r) => {
      report.section3.rows[key] = s3.slice(r * 7, r * 7 + 7);
    });
    SECTION4_GROUPS.forEach((g, gi) =>
      SECTION4_COLUMNS.forEach((c, ci) => {
        report.section4[g][c] = s4[gi * 5 + ci] ?? 0;
      }),
    );
    const section2 = emptySection2(format) as unknown as Record<string, Record<string, Figure>>;
    let i = 0;
    for (const spec of section2Rows(format))
      for (const f of spec.fields)
        (section2[spec.key] as Record<string, Figure>)[f.key] = s2[i++] ?? 0;
    report.section2 = section2 as unknown as AnnualReport['section2'];
    report.texts = {
      overview: applicationsParagraph(report),
      problems: '存在的问题：无。',
      other: '本年度没有产生信息公开处理费。',
    };
    return report;
  });

const RENDERINGS: readonly {
  kind: ReportFileKind;
  render: (r: AnnualReport) => Promise<Uint8Array>;
}[] = [
  { kind: 'txt', render: async (r) => Buffer.from(renderText(r)) },
  { kind: 'html', render: async (r) => Buffer.from(renderHtml(r)) },
  { kind: 'docx', render: (r) => renderDocx(r) },
  { kind: 'json', render: async (r) => Buffer.from(renderJson(r)) },
];

describe('own output round trip: every rendering the publisher offers reads back', () => {
  it.each(RENDERINGS.map((r) => r.kind))(
    '%s → the same tables, year, format and agency',
    async (kind) => {
      const rendering = RENDERINGS.find((r) => r.kind === kind);
      if (!rendering) throw new Error(kind);
      await fc.assert(
        fc.asyncProperty(reportArb, async (report) => {
          const { report: back, findings } = await parseReport(
            await rendering.render(report),
            kind,
          );
          expect(back.year).toBe(report.year);
          expect(back.format).toBe(report.format);
          expect(back.agency.name).toBe(report.agency.name);
          expect(back.section3).toEqual(report.section3);
          expect(back.section4).toEqual(report.section4);
          expect(back.section2).toEqual(report.section2);
          expect(findings).toEqual([]);
        }),
        { numRuns: kind === 'docx' ? 15 : 40 },
      );
    },
  );

  it('lint of the downloaded .txt finds the year and agency without hints', async () => {
    const report = createReport({ agency: { code: 'x', name: '某市自然资源局' }, year: 2024 });
    report.texts.overview = applicationsParagraph(report);
    const { result } = await lintReportContent(Buffer.from(renderText(report)), 'txt');
    expect(result.report.year).toBe(2024);
    expect(result.report.agency.name).toBe('某市自然资源局');
    expect(result.ok).toBe(true);
  });
});

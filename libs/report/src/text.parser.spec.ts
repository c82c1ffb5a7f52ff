import { parseReportJson } from './json.parser';
import { type AnnualReport, type Figure } from './report-model';
import { normalizeLabel, parseReportText, readFigure, tokenizeTable } from './text.parser';
import { fixture, fixtureNames } from './test-fixtures';

/** The figures of a report as compared with a fixture JSON: a blank cell reads as 0. */
function numbers(report: AnnualReport): { section3: Figure[][]; section4: Figure[][] } {
  const zero = (v: Figure | undefined): Figure => v ?? 0;
  return {
    section3: Object.values(report.section3.rows).map((row) => (row ?? []).map(zero)),
    section4: Object.values(report.section4).map((g) => Object.values(g).map(zero)),
  };
}

describe('parseReportText on the published fixtures', () => {
  it.each(fixtureNames('txt'))('%s parses to its JSON’s numbers', (name) => {
    const parsed = parseReportText(fixture(name));
    const expected = parseReportJson(fixture(name.replace(/\.txt$/, '.json')));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.report.year).toBe(expected.year);
    expect(parsed.report.format).toBe(expected.format);
    expect(numbers(parsed.report)).toEqual(numbers(expected));
    // Cell by cell, blank cells as null: the one blank published cell (README: 结转下年度 /
    // 商业企业 of 金井片区 2024) is 0 in its JSON's figures.
    const cells = structuredClone(expected.section3.rows);
    if (name.startsWith('2024-pingtan-jinjing-pianqu')) (cells.carried_forward ?? [])[1] = null;
    expect(parsed.report.section3.rows).toEqual(cells);
    expect(parsed.report.section4).toEqual(expected.section4);
    // Section 二: every row the JSON recorded; rows it omits were not printed or not readable.
    const raw = JSON.parse(fixture(name.replace(/\.txt$/, '.json'))) as {
      section2: Record<string, Record<string, number>> | null;
    };
    for (const [row, fields] of Object.entries(raw.section2 ?? {})) {
      expect((parsed.report.section2 as unknown as Record<string, unknown>)[row]).toEqual(fields);
    }
  });

  it('reads the example report exactly as its JSON, texts included', () => {
    const { report, preamble } = parseReportText(fixture('2023-tongguan-renmin-shequ.txt'));
    const expected = parseReportJson(fixture('2023-tongguan-renmin-shequ.json'));
    expect(report.section2).toEqual(expected.section2);
    expect(report.section3).toEqual(expected.section3);
    expect(report.section4).toEqual(expected.section4);
    expect(report.agency.name).toBe('铜官区人民社区');
    expect(preamble).toMatch(/^\s*根据《中华人民共和国政府信息公开条例》/);
    expect(report.texts.overview).toMatch(/^（一）主动公开情况/);
    expect(report.texts.problems).toMatch(/^存在的问题/);
    expect(report.texts.other).toContain('本年度没有产生信息公开处理费');
  });

  it('keeps a blank published cell as null (结转下年度 / 商业企业 of 2024-pingtan-jinjing-pianqu)', () => {
    const { report } = parseReportText(fixture('2024-pingtan-jinjing-pianqu.txt'));
    expect(report.section3.rows.carried_forward).toEqual([0, null, 0, 0, 0, 0, 0]);
    // Only 行政规范性文件 is printed in 二; 规章 stays "not printed".
    expect(report.section2).toMatchObject({
      rules: { issued: null },
      normativeDocuments: { inForce: 1 },
    });
  });

  it('splits a heading printed on one line with its text', () => {
    const { report } = parseReportText(fixture('2024-pingtan-jinjing-pianqu.txt'));
    expect(report.texts.problems).toMatch(/^2024年，我局政府信息公开工作取得一定成绩/);
    expect(report.texts.other).toMatch(/^2024年，无收取信息处理费情况。/);
  });

  it('tolerates misprinted and broken labels by placing rows in the official order', () => {
    const text = fixture('2022-pingtan-jiaotong-jianshe.txt')
      .replace('\t（一）予以公开', '\t（一）予以\n公 开')
      .replace('\t1.本机关不掌握相关政府信息', '\t1.本机关不掌握相关政府消息');
    const { report, warnings } = parseReportText(text);
    expect(report.section3.rows.disclosed).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(report.section3.rows['unavailable.not_held']).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('本机关不掌握相关政府消息');
  });

  it('reads printed figures', () => {
    expect(readFigure(' 0\u00a0')).toBe(0);
    expect(readFigure('+1036')).toBe(1036);
    expect(readFigure('-18')).toBe(-18);
    expect(readFigure('251000元')).toBe(251000);
    expect(readFigure('/')).toBeNull();
    expect(readFigure('')).toBeNull();
    expect(readFigure('商业企业')).toBeUndefined();
    expect(normalizeLabel('3.危及"三安全一稳定"')).toBe(normalizeLabel('3.危及“三安全一稳定”'));
    expect(tokenizeTable(['\t商业', '企业', '\t0', '', '\tx'])).toEqual([['商业企业', '0'], ['x']]);
  });
});

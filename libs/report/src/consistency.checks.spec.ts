import { describeCell, lintReport, runChecks } from './consistency.checks';
import { parseReportJson } from './json.parser';
import { createReport, emptySection2, type Section2Of2021 } from './report-model';
import { EXPECTED_FAILURES, fixture, fixtureNames } from './test-fixtures';

const failingIds = (name: string): string[] => {
  const { failures } = lintReport(parseReportJson(fixture(name)));
  return [...new Set(failures.filter((c) => c.level === 'error').map((c) => c.id))].sort();
};

describe('consistency checks on the published fixtures', () => {
  it.each(fixtureNames('json'))('%s fails exactly the identities the README lists', (name) => {
    expect(failingIds(name)).toEqual(EXPECTED_FAILURES[name.replace(/\.json$/, '')] ?? []);
  });

  it('names the cells of a failing I1 column', () => {
    const { failures } = lintReport(parseReportJson(fixture('2021-pingtan-gonganju.json')));
    const natural = failures.find((c) => c.id === 'I1' && c.cells[0]?.column === 'natural_person');
    expect(natural).toMatchObject({ ok: false, level: 'error' });
    expect(natural?.cells).toEqual([
      { section: '3', row: 'received', column: 'natural_person' },
      { section: '3', row: 'carried_in', column: 'natural_person' },
      { section: '3', row: 'total', column: 'natural_person' },
      { section: '3', row: 'carried_forward', column: 'natural_person' },
    ]);
    expect(natural?.message).toContain('结转下年度继续办理');
    expect(describeCell({ section: '3', row: 'received', column: 'natural_person' })).toBe(
      '三/一、本年新收政府信息公开申请数量/自然人',
    );
  });

  it('lists every identity run, passed or not, in checks', () => {
    const { report } = lintReport(parseReportJson(fixture('2023-tongguan-renmin-shequ.json')));
    expect(report.checks.map((c) => c.id)).toEqual(['I1', 'I2', 'I3', 'I4', 'I7', 'N1', 'N2']);
    expect(report.checks.every((c) => c.ok)).toBe(true);
  });
});

describe('cross-year and value checks', () => {
  const agency = { code: 'x', name: 'X' };

  it('I5 warns when 上年结转 differs from last year’s 结转下年度', () => {
    const last = createReport({ agency, year: 2022 });
    last.section3.rows.carried_forward = [1, 0, 0, 0, 0, 0, 1];
    last.section3.rows.received = [1, 0, 0, 0, 0, 0, 1];
    const now = createReport({ agency, year: 2023 });
    const i5 = runChecks(now, last).filter((c) => c.id === 'I5');
    expect(i5).toHaveLength(2);
    expect(i5.every((c) => c.level === 'warning' && !c.ok)).toBe(true);
    expect(lintReport(now, last).ok).toBe(true);
  });

  it('I6 warns when 现行有效件数 does not follow from last year', () => {
    const s2 = (inForce: number, issued: number): Section2Of2021 => {
      const s = emptySection2('2021') as Section2Of2021;
      s.normativeDocuments = { issued, repealed: 0, inForce };
      return s;
    };
    const last = createReport({ agency, year: 2022, section2: s2(10, 0) });
    expect(
      runChecks(createReport({ agency, year: 2023, section2: s2(12, 2) }), last).find(
        (c) => c.id === 'I6',
      )?.ok,
    ).toBe(true);
    const broken = runChecks(createReport({ agency, year: 2023, section2: s2(16, 4) }), last).find(
      (c) => c.id === 'I6',
    );
    expect(broken).toMatchObject({ ok: false, level: 'warning' });
  });

  it('I7 rejects negative or fractional counts but accepts a decimal fee and "/"', () => {
    const report = createReport({ agency, year: 2023 });
    (report.section2 as Section2Of2021).fees.amountWan = 12.5;
    (report.section2 as Section2Of2021).rules.issued = null;
    expect(runChecks(report).filter((c) => !c.ok)).toEqual([]);
    report.section4.reconsideration.other = 1.5;
    report.section4.reconsideration.total = 1.5;
    const i7 = runChecks(report).filter((c) => c.id === 'I7' && !c.ok);
    expect(i7).toHaveLength(2);
    expect(i7[0]?.level).toBe('error');
  });

  it('treats a blank cell as 0 and says so', () => {
    const report = createReport({ agency, year: 2023 });
    report.section3.rows.carried_forward = [0, null, 0, 0, 0, 0, 0];
    const result = lintReport(report);
    expect(result.ok).toBe(true);
    expect(result.failures).toEqual([
      expect.objectContaining({
        id: 'I7',
        level: 'warning',
        cells: [{ section: '3', row: 'carried_forward', column: 'commercial_enterprise' }],
      }),
    ]);
  });
});

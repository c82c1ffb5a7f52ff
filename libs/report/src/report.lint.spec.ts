import { parseReportJson } from './json.parser';
import { formatLintText, lintReportContent } from './report.lint';
import { lintReport } from './consistency.checks';
import { EXPECTED_FAILURES, fixture, fixtureNames } from './test-fixtures';

const files = [...fixtureNames('txt'), ...fixtureNames('json')];

describe('lint on every fixture text and JSON (fixtures README)', () => {
  it.each(files)('%s', async (name) => {
    const kind = name.endsWith('.txt') ? 'txt' : 'json';
    const outcome = await lintReportContent(fixture(name), kind);
    const expected = EXPECTED_FAILURES[name.replace(/\.(txt|json)$/, '')] ?? [];
    const errors = outcome.result.failures.filter((c) => c.level === 'error');
    expect([...new Set(errors.map((c) => c.id))].sort()).toEqual(expected);
    expect(outcome.result.ok).toBe(expected.length === 0);
    const printed = formatLintText(outcome, name);
    for (const id of expected) expect(printed).toContain(`[错误] ${id} 不成立`);
    expect(printed).toContain(expected.length === 0 ? '通过' : '未通过');
  });
});

describe('I5 on the 平潭 2019–2024 series (fixtures README)', () => {
  // Every fixture JSON whose agency published the year before too (by the file names).
  const series = fixtureNames('json').map((name) => {
    const [, year, agency] = /^(\d{4})-(.+)\.json$/.exec(name) ?? [];
    return { name, year: Number(year), agency: agency ?? '' };
  });
  const pairs = series.flatMap((s) =>
    series
      .filter((p) => p.agency === s.agency && p.year === s.year - 1)
      .map((p): [string, string] => [s.name, p.name]),
  );

  it('finds the consecutive years the fixtures hold', () => {
    expect(pairs).toEqual([
      ['2020-pingtan-zonghe-shiyanqu.json', '2019-pingtan-zonghe-shiyanqu.json'],
      ['2021-pingtan-zonghe-shiyanqu.json', '2020-pingtan-zonghe-shiyanqu.json'],
    ]);
  });

  it.each(pairs)('%s against %s: 上年结转 equals last year’s 结转下年度', (name, previous) => {
    const now = parseReportJson(fixture(name));
    const last = parseReportJson(fixture(previous));
    const i5 = lintReport(now, last).report.checks.filter((c) => c.id === 'I5');
    expect(i5.length).toBeGreaterThan(0);
    expect(i5.filter((c) => !c.ok)).toEqual([]);
    // The same pair with one 结转下年度 cell of last year changed: I5 names that column.
    last.section3.rows.carried_forward = [2, 0, 0, 0, 0, 0, 2];
    const changed = lintReport(now, last).report.checks.filter((c) => c.id === 'I5' && !c.ok);
    expect(changed.map((c) => c.cells.map((cell) => cell.column))).toEqual([
      ['natural_person'],
      ['total'],
    ]);
  });
});

import { formatLintText, lintReportContent } from './report.lint';
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

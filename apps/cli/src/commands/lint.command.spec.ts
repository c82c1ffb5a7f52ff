import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../testing/run-cli';
import { parseReportJson, renderDocx, renderHtml } from '@gongkai/report';
import { EXIT_FAILED, EXIT_USAGE } from '../cli-errors';

// Copies of the published fixtures (fixtures README): which identities each one fails.
const FIXTURES = join(__dirname, '../../../../libs/report/src/__fixtures__');
const EXPECTED: Record<string, string[]> = {
  '2020-pingtan-zonghe-shiyanqu': ['I3'],
  '2021-pingtan-gonganju': ['I1'],
  '2023-pingtan-ziranziyuan-shengtaihuanjing': ['I1', 'I2'],
};

const lint = (args: string[]) => runCli('lint', ...args);

describe('gongkai lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-lint-'));
  const files = readdirSync(FIXTURES).filter((f) => /\.(txt|json)$/.test(f));
  for (const f of files) copyFileSync(join(FIXTURES, f), join(dir, f));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(files)(
    '%s fails exactly as the fixtures README says, naming the identity',
    async (file) => {
      const expected = EXPECTED[file.replace(/\.(txt|json)$/, '')] ?? [];
      const { code, stdout } = await lint([join(dir, file)]);
      expect(code).toBe(expected.length > 0 ? 1 : 0);
      for (const id of expected)
        expect(stdout).toMatch(new RegExp(`\\[错误\\] ${id} 不成立.*\\n\\s+涉及单元格：三/`));
      if (expected.length === 0) expect(stdout).not.toContain('[错误]');
    },
  );

  it('prints the parsed report JSON with its checks alone with --json', async () => {
    const { code, stdout } = await lint([join(dir, '2021-pingtan-gonganju.txt'), '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as {
      year: number;
      checks: { id: string; ok: boolean; cells: unknown[] }[];
    };
    expect(json.year).toBe(2021);
    expect(json.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['I1', 'I1']);
  });

  it('reads HTML and DOCX renderings as well', async () => {
    const report = parseReportJson(readFileSync(join(dir, '2021-pingtan-gonganju.json'), 'utf8'));
    writeFileSync(join(dir, 'gonganju.html'), renderHtml(report));
    writeFileSync(join(dir, 'gonganju.docx'), await renderDocx(report));
    for (const file of ['gonganju.html', 'gonganju.docx']) {
      const { code, stdout } = await lint([join(dir, file)]);
      expect(code).toBe(1);
      expect(stdout).toContain('[错误] I1 不成立');
    }
  });

  it('fails on an HTML page without the report tables', async () => {
    const html = join(dir, 'page.html');
    writeFileSync(html, '<h1>某局2023年度政府信息公开工作年度报告</h1><p>正文</p>');
    const result = await lint([html]);
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.stderr).toMatch(/找不到/);
  });

  it('rejects an unsupported file type or a missing file as bad usage', async () => {
    writeFileSync(join(dir, 'report.xyz'), 'x');
    expect((await lint([join(dir, 'report.xyz')])).code).toBe(EXIT_USAGE);
    expect((await lint([join(dir, 'missing.txt')])).code).toBe(EXIT_USAGE);
  });

  it('checks 上年结转 against last year’s 结转下年度 with --previous, in any format (I5)', async () => {
    const previous = parseReportJson(readFileSync(join(dir, '2021-pingtan-gonganju.json'), 'utf8'));
    // Last year's report as its agency's HTML page, this year's as text.
    const this2022 = { ...previous, year: 2022 };
    this2022.section3 = {
      ...previous.section3,
      rows: { ...previous.section3.rows, carried_in: [0, 0, 0, 0, 0, 0, 0] },
    };
    writeFileSync(join(dir, 'last.html'), renderHtml(previous));
    writeFileSync(join(dir, 'this.html'), renderHtml(this2022));
    const { stdout } = await lint([
      join(dir, 'this.html'),
      '--previous',
      join(dir, 'last.html'),
      '--json',
    ]);
    const i5 = (
      JSON.parse(stdout) as { checks: { id: string; ok: boolean; message: string }[] }
    ).checks.filter((c) => c.id === 'I5');
    expect(i5.filter((c) => !c.ok).map((c) => c.message)).toEqual([
      expect.stringContaining(
        '（自然人列）：2022年二、上年结转 0，而2021年四、结转下年度继续办理为 1',
      ),
      expect.stringContaining('（总计列）'),
    ]);
  });
});

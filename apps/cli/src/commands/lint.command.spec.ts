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
import { Command } from 'commander';
import { parseReportJson, renderDocx, renderHtml } from '@gongkai/report';
import { UsageError } from '../cli-errors';
import { registerLintCommand } from './lint.command';

// Copies of the published fixtures (fixtures README): which identities each one fails.
const FIXTURES = join(__dirname, '../../../../libs/report/src/__fixtures__');
const EXPECTED: Record<string, string[]> = {
  '2020-pingtan-zonghe-shiyanqu': ['I3'],
  '2021-pingtan-gonganju': ['I1'],
  '2023-pingtan-ziranziyuan-shengtaihuanjing': ['I1', 'I2'],
};

async function lint(args: string[]): Promise<{ code: number; stdout: string }> {
  const program = new Command('gongkai').exitOverride();
  registerLintCommand(program);
  let stdout = '';
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'gongkai', 'lint', ...args]);
    return { code: typeof process.exitCode === 'number' ? process.exitCode : 0, stdout };
  } finally {
    spy.mockRestore();
    process.exitCode = undefined;
  }
}

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
    await expect(lint([html])).rejects.toThrow(/找不到/);
  });

  it('rejects an unsupported file as bad usage', async () => {
    await expect(lint([join(dir, 'report.pdf')])).rejects.toBeInstanceOf(UsageError);
    await expect(lint([join(dir, 'missing.txt')])).rejects.toBeInstanceOf(UsageError);
  });
});

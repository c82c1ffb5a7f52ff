import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../testing/run-cli';

// Project copies of shared/fixtures/reports and its formats/ folder (PDFs, agency pages, text
// extracted from a PDF).
const FIXTURES = join(__dirname, '../../../../libs/report/src/__fixtures__');

// Fixtures READMEs: the reports whose identities or structure are broken.
const BROKEN = [
  '2020-pingtan-zonghe-shiyanqu.json',
  '2021-pingtan-gonganju.json',
  '2021-pingtan-gonganju.txt',
  '2023-pingtan-ziranziyuan-shengtaihuanjing.json',
  'formats/2023-pingtan-ziranziyuan-shengtaihuanjing.html',
  'formats/2023-pingtan-ziranziyuan-shengtaihuanjing.json',
  'formats/2023-pingtan-ziranziyuan-shengtaihuanjing.pdf',
  'formats/2024-huaian-hongze-qu.json',
  'formats/2024-huaian-hongze-qu.pdf',
  'formats/2024-huaian-hongze-qu.txt',
];

interface Row {
  file: string;
  ok: boolean;
  year: number;
  readAs: string;
  checks: Record<string, string>;
  findings: string[];
  error: string | null;
}

describe('gongkai lint DIR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-lint-dir-'));
  mkdirSync(join(dir, 'formats'));
  cpSync(FIXTURES, dir, { recursive: true, filter: (src) => !src.endsWith('README.md') });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let rows: Row[] = [];
  let code = -1;
  beforeAll(async () => {
    const run = await runCli('lint', dir, '--format', 'json');
    code = run.code;
    rows = JSON.parse(run.stdout) as Row[];
  });

  it('reads every report, recursively, and fails exactly the broken ones', () => {
    expect(code).toBe(1);
    expect(rows.map((r) => r.file)).toContain('formats/2024-huaian-hongze-qu.pdf');
    expect(rows.filter((r) => r.error !== null)).toEqual([]);
    expect(
      rows
        .filter((r) => !r.ok)
        .map((r) => r.file)
        .sort(),
    ).toEqual([...BROKEN].sort());
  });

  it('names N1 and S1 for 洪泽区 2024 in every format read, N1 holding elsewhere', () => {
    for (const r of rows.filter((x) => x.file.includes('hongze') && x.readAs !== 'json')) {
      expect(r.checks).toMatchObject({ N1: 'fail', S1: 'fail' });
      expect(r.findings.join('\n')).toContain('2.其他法律行政止公开');
    }
    for (const r of rows.filter((x) => !x.file.includes('hongze')))
      expect(r.checks['N1'] ?? 'ok').toBe('ok');
  });

  it('runs I5 on the 平潭 series where the folder holds the year before', () => {
    const byFile = (f: string): Row | undefined => rows.find((r) => r.file === f);
    expect(byFile('2020-pingtan-zonghe-shiyanqu.json')?.checks['I5']).toBe('ok');
    expect(byFile('2021-pingtan-zonghe-shiyanqu.json')?.checks['I5']).toBe('ok');
    expect(byFile('2019-pingtan-zonghe-shiyanqu.json')?.checks['I5']).toBeUndefined();
    // No 2022 report of 综合实验区: 2023 has nothing to compare with.
    expect(byFile('2023-pingtan-zonghe-shiyanqu.json')?.checks['I5']).toBeUndefined();
  });

  it('prints one line per file and a summary, or CSV', async () => {
    const text = await runCli('lint', dir);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.at(-1)).toBe(
      `共 ${rows.length} 个文件：通过 ${rows.length - BROKEN.length} 个，未通过 ${BROKEN.length} 个`,
    );
    expect(lines.find((l) => l.includes('hongze-qu.pdf'))).toMatch(
      /^✗ .*淮安市洪泽区人民政府 2024年度（PDF） 未通过 N1、S1/,
    );
    const csv = (await runCli('lint', dir, '--format', 'csv')).stdout.split('\r\n');
    expect(csv[0]).toBe('file,agency,year,read_as,ok,I1,I2,I3,I4,I5,I6,I7,N1,N2,S1,findings,error');
    expect(csv.filter((l) => l.startsWith('formats/2024-pingtan-jinjing-pianqu.pdf,'))[0]).toMatch(
      /^formats\/2024-pingtan-jinjing-pianqu\.pdf,平潭综合实验区金井片区管理局,2024,pdf,true,ok,ok,ok,ok,,,warn,ok,ok,ok,/,
    );
  });
});

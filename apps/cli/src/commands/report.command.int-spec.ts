import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { OVERVIEW_PARTS, type ReportTexts } from '@gongkai/contracts';
import {
  createDataSource,
  databaseUrlFromEnv,
  ensureAgency,
  migrate,
  Section2FiguresEntity,
} from '@gongkai/persistence';
import { emptySection2, parseReportText, tableCellSequence } from '@gongkai/report';
import { runCli } from '../testing/run-cli';

const ROOT = join(__dirname, '../../../..');
const EXAMPLE = join(ROOT, 'libs/report/src/__fixtures__/2023-tongguan-renmin-shequ.txt');
const FIXTURES = join(ROOT, 'libs/persistence/src/statistics/__fixtures__');
const TOOL = join(ROOT, 'tools/fixtures/report-to-ledger.mjs');
// The example report's sub-headings of 一, misprints included ("（3）"), as published.
const EXAMPLE_SUBHEADING = /^(（[一二三四五]）|（\d）)\s*\S+/;

/** The example's 一 split at its five sub-headings into the parts a clerk types into the studio. */
function overviewParts(overview: string): ReportTexts['overview'] {
  const parts: string[][] = [];
  for (const line of overview.split('\n')) {
    if (EXAMPLE_SUBHEADING.test(line) && line.length < 20) parts.push([]);
    else parts[parts.length - 1]?.push(line);
  }
  expect(parts).toHaveLength(5);
  const entries = OVERVIEW_PARTS.map((p, i) => [p.key, (parts[i] ?? []).join('\n')]);
  return Object.fromEntries(entries) as ReportTexts['overview'];
}

const gongkai = (args: string[]) => runCli(...args);

const code = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

describe('gongkai report and gongkai stats against the database', () => {
  let ds: DataSource;
  let dir: string;

  beforeAll(async () => {
    await migrate(databaseUrlFromEnv());
    ds = await createDataSource(databaseUrlFromEnv()).initialize();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-report-'));
  });
  afterAll(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the example round trip: 铜官区人民社区 2023 with its texts, zero figures and no cases gives every table cell of the example report, in order, under the same headings', async () => {
    const example = readFileSync(EXAMPLE, 'utf8');
    const parsed = parseReportText(example);
    const { agency } = await ensureAgency(ds.manager, {
      code: code('tongguan-renmin'),
      name: '铜官区人民社区',
    });
    const texts: ReportTexts = {
      preamble: parsed.preamble,
      overview: overviewParts(parsed.report.texts.overview),
      problems: parsed.report.texts.problems,
      other: parsed.report.texts.other,
    };
    await ds.query(
      `INSERT INTO reports (agency_id, year, format, texts) VALUES ($1, 2023, '2021', $2)`,
      [agency.id, texts],
    );
    await ds.getRepository(Section2FiguresEntity).insert({
      agencyId: agency.id,
      year: 2023,
      format: '2021',
      figures: emptySection2('2021', 0) as unknown as Record<string, Record<string, number>>,
    });

    const out = await gongkai([
      'report',
      '--agency',
      agency.code,
      '--year',
      '2023',
      '--format',
      'txt',
    ]);
    expect(out.code).toBe(0);
    const expected = tableCellSequence(example);
    expect(expected.filter((l) => l.startsWith('## '))).toHaveLength(6);
    expect(expected.length).toBeGreaterThan(40);
    expect(tableCellSequence(out.stdout)).toEqual(expected);
    // The prose comes back too, but for the five sub-headings of 一, printed in the standard form.
    const prose = (t: string): string[] =>
      t
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('\t') && !/^\S{1,4}$/.test(l))
        .filter((l) => !(EXAMPLE_SUBHEADING.test(l) && l.length < 20))
        // The parser trims the preamble's leading space.
        .map((l) => l.trim());
    expect(prose(out.stdout)).toEqual(prose(example));
    // And parsing what came out gives the example JSON's numbers.
    const back = parseReportText(out.stdout, { year: 2023 });
    const json = JSON.parse(
      readFileSync(join(FIXTURES, '2023-tongguan-renmin-shequ.json'), 'utf8'),
    );
    expect(back.report.section3.rows).toEqual(json.section3.rows);
    expect(back.report.section4).toEqual(json.section4);
  });

  it.each(['2019-pingtan-zonghe-shiyanqu', '2021-pingtan-zonghe-shiyanqu'])(
    '%s: gongkai import of the tool’s ledger, then gongkai report --format json reproduces 三 and 四',
    async (name) => {
      const fixtureFile = join(FIXTURES, `${name}.json`);
      const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8'));
      const ledger = join(dir, `${name}.jsonl`);
      writeFileSync(
        ledger,
        execFileSync(process.execPath, [TOOL, fixtureFile], { encoding: 'utf8' }),
      );
      const agencyCode = code('fixture');
      const imported = await gongkai(['import', ledger, '--agency', agencyCode, '--json']);
      expect(imported.code).toBe(0);
      const out = await gongkai([
        'report',
        '--agency',
        agencyCode,
        '--year',
        String(fixture.year),
        '--format',
        'json',
      ]);
      expect(out.code).toBe(0);
      const report = JSON.parse(out.stdout);
      expect(report.format).toBe(fixture.format);
      expect(report.section3).toEqual(fixture.section3);
      expect(report.section4).toEqual(fixture.section4);
      expect(report.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);

      // Drill-down from the CLI: the cell's cases are as many as the cell says.
      const cell = await gongkai([
        'stats',
        '--agency',
        agencyCode,
        '--year',
        String(fixture.year),
        '--cell',
        'disclosed:natural_person',
        '--json',
      ]);
      expect(cell.code).toBe(0);
      const found = JSON.parse(cell.stdout);
      expect(found.count).toBe(fixture.section3.rows.disclosed[0]);
      expect(found.cases).toHaveLength(found.count);
    },
  );

  it('usage errors: unknown agency, bad format, no published version, bad cell', async () => {
    const { agency } = await ensureAgency(ds.manager, { code: code('cli'), name: '测试机关' });
    expect((await gongkai(['report', '--agency', 'no-such-agency', '--year', '2023'])).code).toBe(
      2,
    );
    expect(
      (await gongkai(['report', '--agency', agency.code, '--year', '2023', '--format', 'pdf']))
        .code,
    ).toBe(2);
    expect(
      (await gongkai(['report', '--agency', agency.code, '--year', '2023', '--published'])).code,
    ).toBe(2);
    expect(
      (
        await gongkai([
          'stats',
          '--agency',
          agency.code,
          '--year',
          '2023',
          '--cell',
          'nonsense:total',
        ])
      ).code,
    ).toBe(2);
    const out = join(dir, 'draft.docx');
    expect(
      (
        await gongkai([
          'report',
          '--agency',
          agency.code,
          '--year',
          '2023',
          '--format',
          'docx',
          '--out',
          out,
        ])
      ).code,
    ).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { StatisticsRepository } from '@gongkai/persistence';
import { CaseTransitionService } from '../cases/case-transition.service';
import { formatForYear } from '@gongkai/report/core';
import { openTestDatabase, seedAgency } from '@gongkai/persistence/testing';
import { importLedger } from './import-ledger.use-case';
import { readJsonl } from './ledger-read';

const ROOT = path.join(__dirname, '../../../..');
const TOOL = path.join(ROOT, 'tools/fixtures/report-to-ledger.mjs');
const FIXTURES = path.join(__dirname, '../../../persistence/src/statistics/__fixtures__');
// Fixtures README: the published reports whose identities fail; no set of cases gives them.
const FAILING: Record<string, string> = {
  '2020-pingtan-zonghe-shiyanqu': 'I3',
  '2021-pingtan-gonganju': 'I1',
  '2023-pingtan-ziranziyuan-shengtaihuanjing': 'I2',
};

interface FixtureReport {
  year: number;
  format: '2019' | '2021';
  section3: { rows: Record<string, (number | null)[]> };
  section4: Record<string, Record<string, number | null>>;
}

const names = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
const holding = names.filter((n) => !(n in FAILING));

/** A blank published cell is 0 (fixtures README); the database never has blanks. */
const zeroBlanks = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === null ? 0 : v))) as T;

describe('fixture ledgers: a ledger built from a published report reproduces its sections 三 and 四', () => {
  let ds: DataSource;
  let transitions: CaseTransitionService;

  beforeAll(async () => {
    ds = await openTestDatabase();
    transitions = new CaseTransitionService(ds);
  });
  afterAll(() => ds.destroy());

  it('covers every fixture: six hold, three fail as the README says', () => {
    expect(holding).toHaveLength(6);
    expect(names).toHaveLength(9);
  });

  it.each(holding)('%s', async (name) => {
    const file = path.join(FIXTURES, `${name}.json`);
    const fixture = JSON.parse(fs.readFileSync(file, 'utf8')) as FixtureReport;
    const ledger = execFileSync(process.execPath, [TOOL, file], { encoding: 'utf8' });
    const agency = await seedAgency(ds, 'fixture');
    const result = await importLedger(ds, transitions, readJsonl(ledger), {
      agencyId: agency.id,
    });
    expect(result.rejected).toEqual([]);
    expect(result.committed).toBe(true);

    const format = formatForYear(fixture.year);
    expect(format).toBe(fixture.format);
    const stats = await new StatisticsRepository(ds.manager).yearStatistics(
      { agencyId: agency.id },
      fixture.year,
    );
    expect(Object.keys(stats.section3.rows)).toEqual(Object.keys(fixture.section3.rows));
    expect(stats.section3.rows).toEqual(zeroBlanks(fixture.section3.rows));
    expect(stats.section4).toEqual(zeroBlanks(fixture.section4));
  });

  it.each(Object.entries(FAILING))('%s: the tool refuses it, naming %s', (name, identity) => {
    const run = spawnSync(process.execPath, [TOOL, path.join(FIXTURES, `${name}.json`)], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${identity} fails`);
  });
});

import fc from 'fast-check';
import {
  APPLICANT_CATEGORY_CODES,
  OUTCOME_CODES,
  PROCEEDING_KIND_CODES,
  type ApplicantCategory,
  type Outcome,
  type ProceedingKind,
} from '@gongkai/domain';
import { StatisticsRepository } from '@gongkai/persistence';
import {
  buildSection3,
  buildSection4,
  createReport,
  formatForYear,
  runChecks,
  SECTION3_COLUMNS,
  section3RowKeys,
  SECTION4_COLUMNS,
} from '@gongkai/report';
import {
  createTestApp,
  login,
  seedAgency,
  seedDesk,
  seedUser,
  type TestApp,
} from '../testing/test-app';
import {
  insertCaseRows,
  insertProceedingRows,
  type CaseRowInput,
  type ProceedingRowInput,
} from './statistics-seed.testing';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const BASE = Date.UTC(2019, 0, 1);
const SPAN = Math.round((Date.UTC(2024, 11, 31) - BASE) / DAY);

const caseArb: fc.Arbitrary<CaseRowInput> = fc
  .record({
    received: fc.integer({ min: 0, max: SPAN }),
    decidedAfter: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    outcome: fc.constantFrom(...OUTCOME_CODES),
    category: fc.constantFrom(...APPLICANT_CATEGORY_CODES),
  })
  .map((r) => ({
    receivedOn: iso(BASE + r.received * DAY),
    decidedOn: r.decidedAfter === null ? null : iso(BASE + (r.received + r.decidedAfter) * DAY),
    outcome: r.decidedAfter === null ? null : r.outcome,
    applicantCategory: r.category,
  }));

const proceedingArb: fc.Arbitrary<ProceedingRowInput> = fc
  .record({
    kind: fc.constantFrom(...PROCEEDING_KIND_CODES),
    filed: fc.integer({ min: 0, max: SPAN }),
    concludedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    result: fc.constantFrom('maintained', 'corrected', 'other'),
  })
  .map((p) => ({
    kind: p.kind,
    filedOn: iso(BASE + p.filed * DAY),
    result: p.concludedAfter === null ? null : p.result,
    concludedOn: p.concludedAfter === null ? null : iso(BASE + (p.filed + p.concludedAfter) * DAY),
  }));

const asFacts = (rows: readonly CaseRowInput[]) =>
  rows.map((r) => ({
    receivedOn: r.receivedOn,
    decidedOn: r.decidedOn,
    outcome: r.outcome as Outcome | null,
    applicantCategory: r.applicantCategory as ApplicantCategory,
  }));

describe('statistics from the database', () => {
  let t: TestApp;
  let repo: StatisticsRepository;

  beforeAll(async () => {
    t = await createTestApp();
    repo = new StatisticsRepository(t.db.manager);
  });
  afterAll(() => t.close());

  it('property: for random case histories the SQL section 三 equals buildSection3 on the same facts, and I1–I4 hold every year', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseArb, { maxLength: 60 }),
        fc.array(proceedingArb, { maxLength: 15 }),
        async (cases, proceedings) => {
          const agency = await seedAgency(t.db);
          await insertCaseRows(t.db, agency.id, cases);
          await insertProceedingRows(t.db, agency.id, proceedings);
          for (const year of YEARS) {
            const stats = await repo.yearStatistics({ agencyId: agency.id }, year);
            expect(stats.section3).toEqual(buildSection3(asFacts(cases), year));
            expect(stats.section4).toEqual(
              buildSection4(
                proceedings.map((p) => ({
                  kind: p.kind as ProceedingKind,
                  filedOn: p.filedOn,
                  concludedOn: p.concludedOn,
                  result: p.result as 'maintained' | 'corrected' | 'other' | null,
                })),
                year,
              ),
            );
            const report = createReport({
              agency: { code: agency.code, name: agency.name },
              year,
              section3: stats.section3,
              section4: stats.section4,
            });
            const failing = runChecks(report).filter(
              (c) => ['I1', 'I2', 'I3', 'I4'].includes(c.id) && !c.ok,
            );
            expect(failing).toEqual([]);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a cell’s count always equals the length of its drill-down (every cell of 三 and 四, both formats)', async () => {
    const cases = fc.sample(caseArb, { numRuns: 300, seed: 42 });
    const proceedings = fc.sample(proceedingArb, { numRuns: 40, seed: 7 });
    const agency = await seedAgency(t.db);
    await insertCaseRows(t.db, agency.id, cases);
    await insertProceedingRows(t.db, agency.id, proceedings);
    for (const year of [2020, 2023]) {
      const format = formatForYear(year);
      const stats = await repo.yearStatistics({ agencyId: agency.id }, year);
      for (const row of section3RowKeys(format)) {
        for (const [ci, column] of SECTION3_COLUMNS.entries()) {
          const cell = await repo.cell({ agencyId: agency.id }, year, row, column);
          expect([row, column, cell.count]).toEqual([row, column, stats.section3.rows[row]?.[ci]]);
        }
      }
      for (const kind of PROCEEDING_KIND_CODES) {
        for (const column of SECTION4_COLUMNS) {
          const cell = await repo.cell({ agencyId: agency.id }, year, kind, column);
          expect([kind, column, cell.count]).toEqual([kind, column, stats.section4[kind][column]]);
        }
      }
    }
  });

  it('counts a supervising agency’s subtree, and fees from the case snapshots (Project rule 7)', async () => {
    const parent = await seedAgency(t.db);
    const child = await seedAgency(t.db, { parent });
    await insertCaseRows(t.db, parent.id, [
      {
        receivedOn: '2023-02-01',
        decidedOn: '2023-02-20',
        outcome: 'disclosed',
        applicantCategory: 'natural_person',
        fee: { servedOn: '2023-02-05', amountYuan: 100, paidOn: '2023-02-08' },
      },
    ]);
    await insertCaseRows(t.db, child.id, [
      {
        receivedOn: '2022-12-20',
        decidedOn: '2023-01-30',
        outcome: 'other.fee_unpaid',
        applicantCategory: 'commercial_enterprise',
        fee: { servedOn: '2022-12-28', amountYuan: 200, paidOn: null },
      },
      {
        receivedOn: '2023-12-20',
        decidedOn: null,
        outcome: null,
        applicantCategory: 'natural_person',
        fee: { servedOn: '2023-12-25', amountYuan: 50, paidOn: null },
      },
    ]);
    const own = await repo.yearStatistics({ agencyId: parent.id }, 2023);
    expect(own.section3.rows.received?.[6]).toBe(1);
    const all = await repo.yearStatistics({ agencyId: parent.id, subtree: true }, 2023);
    expect(all.section3.rows.received?.[6]).toBe(2);
    expect(all.section3.rows.carried_in?.[1]).toBe(1);
    expect(all.section3.rows['other.fee_unpaid']?.[1]).toBe(1);
    expect(all.section3.rows.carried_forward?.[0]).toBe(1);
    expect(all.fees).toEqual({ year: 2023, amountYuan: 100, noticeCount: 2, unpaidCount: 1 });
    // A reader whose scope stops at the parent does not see the child's cases.
    const cut = await repo.yearStatistics(
      { agencyId: parent.id, subtree: true, within: [parent.id] },
      2023,
    );
    expect(cut.section3).toEqual(own.section3);
    // Every agency of the year in one query gives each agency its own table.
    const byAgency = await repo.section3ByAgency(2023, [parent.id, child.id]);
    expect(byAgency.get(parent.id)).toEqual(own.section3);
    expect(byAgency.get(child.id)).toEqual(
      (await repo.yearStatistics({ agencyId: child.id }, 2023)).section3,
    );
    expect((await repo.section3ByAgency(2023)).get(child.id)).toEqual(byAgency.get(child.id));
  });

  describe('over HTTP', () => {
    it('GET /api/statistics/:year and /cells: live tables and drill-down in scope; 404 outside, 400 for an unknown row, 401 signed out', async () => {
      const desk = await seedDesk(t);
      const stranger = await seedDesk(t);
      await insertCaseRows(t.db, desk.agency.id, [
        {
          receivedOn: '2023-03-01',
          decidedOn: '2023-03-20',
          outcome: 'disclosed',
          applicantCategory: 'natural_person',
        },
        {
          receivedOn: '2023-12-28',
          decidedOn: null,
          outcome: null,
          applicantCategory: 'research_institution',
        },
      ]);
      for (const role of ['clerk', 'leader', 'auditor', 'admin'] as const) {
        const res = await t.http().get('/api/statistics/2023').set('Cookie', desk.cookies[role]);
        expect(res.status).toBe(200);
        expect(res.body.section3.rows.received[6]).toBe(2);
        expect(res.body.format).toBe('2021');
      }
      const cell = await t
        .http()
        .get('/api/statistics/2023/cells?row=carried_forward&column=research_institution')
        .set('Cookie', desk.cookies.auditor);
      expect(cell.status).toBe(200);
      expect(cell.body.count).toBe(1);
      expect(cell.body.cases[0].receivedOn).toBe('2023-12-28');

      const outside = await t
        .http()
        .get(`/api/statistics/2023?agency=${desk.agency.code}`)
        .set('Cookie', stranger.cookies.leader);
      expect(outside.status).toBe(404);
      const badRow = await t
        .http()
        .get('/api/statistics/2023/cells?row=nonsense&column=total')
        .set('Cookie', desk.cookies.clerk);
      expect(badRow.status).toBe(400);
      const badYear = await t.http().get('/api/statistics/abc').set('Cookie', desk.cookies.clerk);
      expect(badYear.status).toBe(400);
      expect((await t.http().get('/api/statistics/2023')).status).toBe(401);

      // A supervising user reads the subtree.
      const unit = await seedAgency(t.db, { parent: desk.agency });
      await insertCaseRows(t.db, unit.id, [
        {
          receivedOn: '2023-05-01',
          decidedOn: null,
          outcome: null,
          applicantCategory: 'other_org',
        },
      ]);
      const supervisor = await seedUser(t.db, {
        agency: desk.agency,
        roles: ['auditor'],
        subtreeScope: true,
      });
      const cookie = await login(t, supervisor.username);
      const sub = await t.http().get('/api/statistics/2023?subtree=true').set('Cookie', cookie);
      expect(sub.status).toBe(200);
      expect(sub.body.agencyCount).toBe(2);
      expect(sub.body.section3.rows.received[6]).toBe(3);
    });
  });
});

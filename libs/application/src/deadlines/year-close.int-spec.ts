import type { DataSource } from 'typeorm';
import { type LocalDate } from '@gongkai/domain';
import {
  CaseEntity,
  type AgencyEntity,
  verifyCaseJournal,
  checkYearToClose,
  closeYear,
  YearCloseError,
  type JournalActor,
} from '@gongkai/persistence';
import { openTestDatabase, seedAgency } from '@gongkai/persistence/testing';
import { CaseTransitionService } from '../cases/case-transition.service';

const clerk: JournalActor = { id: 'clerk-1', role: 'clerk' };
const leader: JournalActor = { id: 'leader-1', role: 'leader' };

describe('year close on PostgreSQL', () => {
  let ds: DataSource;
  let today: LocalDate;
  let service: CaseTransitionService;
  let scope: AgencyEntity;

  beforeAll(async () => {
    ds = await openTestDatabase();
    service = new CaseTransitionService(ds, { today: () => today });
  });
  afterAll(() => ds.destroy());
  beforeEach(async () => {
    scope = await seedAgency(ds, 'yearclose');
    today = '2025-12-31';
  });

  const register = async (receivedOn: LocalDate) =>
    (
      await service.register(
        {
          agencyId: scope.id,
          receivedOn,
          channel: 'post',
          applicant: { category: 'natural_person', name: '李四' },
        },
        clerk,
      )
    ).case;
  const load = (id: string) => ds.getRepository(CaseEntity).findOneByOrFail({ id });
  const yearClosedRows = async (id: string) =>
    (
      (await ds.query(
        `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'YEAR_CLOSED'`,
        [id],
      )) as { n: number }[]
    )[0].n;

  it('marks exactly the cases open at the end of the year, and a second run changes nothing', async () => {
    const intake = await register('2025-12-29');
    const processing = await register('2025-11-03');
    await service.apply(processing.id, { type: 'ACCEPT', on: '2025-11-03' }, clerk);
    const decided = await register('2025-10-09');
    await service.apply(decided.id, { type: 'ACCEPT', on: '2025-10-09' }, clerk);
    await service.apply(
      decided.id,
      { type: 'DRAFT_DECISION', on: '2025-10-20', outcome: 'disclosed' },
      clerk,
    );
    await service.apply(decided.id, { type: 'APPROVE_DECISION', on: '2025-10-21' }, leader);
    const withdrawn = await register('2025-12-01');
    await service.apply(withdrawn.id, { type: 'WITHDRAW', on: '2025-12-02' }, clerk);
    today = '2026-01-02';
    const nextYear = await register('2026-01-02');

    const first = await closeYear(ds, service, {
      year: 2025,
      today: '2026-01-01',
      agencyIds: [scope.id],
    });
    expect(first.marked.map((m) => m.caseId).sort()).toEqual([intake.id, processing.id].sort());
    expect(first.failed).toEqual([]);
    for (const c of [intake, processing]) {
      const row = await load(c.id);
      expect(row.snapshot.context.yearsClosed).toEqual([2025]);
      expect(row.closed).toBe(false);
      expect(await yearClosedRows(c.id)).toBe(1);
      const [last] = (await ds.query(
        `SELECT occurred_on::text AS on, actor_id, payload FROM case_events
          WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`,
        [c.id],
      )) as { on: string; actor_id: string; payload: { year: number } }[];
      expect(last).toEqual({ on: '2025-12-31', actor_id: 'system', payload: { year: 2025 } });
      expect((await verifyCaseJournal(ds.manager, c.id)).ok).toBe(true);
    }
    // The carry-forward is bookkeeping: the procedure state and its deadlines are unchanged.
    expect((await load(processing.id)).state).toBe('processing');
    for (const c of [decided, withdrawn, nextYear]) expect(await yearClosedRows(c.id)).toBe(0);

    const versions = await Promise.all(
      [intake, processing].map(async (c) => (await load(c.id)).version),
    );
    const second = await closeYear(ds, service, {
      year: 2025,
      today: '2026-01-01',
      agencyIds: [scope.id],
    });
    expect(second.marked).toEqual([]);
    expect(second.failed).toEqual([]);
    for (const [i, c] of [intake, processing].entries()) {
      expect((await load(c.id)).version).toBe(versions[i]);
      expect(await yearClosedRows(c.id)).toBe(1);
    }
  });

  it('is safe when two workers close the same year at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await register('2025-12-01')).id);
    const other = await openTestDatabase();
    try {
      const otherService = new CaseTransitionService(other, { today: () => today });
      const [a, b] = await Promise.all([
        closeYear(ds, service, { year: 2025, today: '2026-01-01', agencyIds: [scope.id] }),
        closeYear(other, otherService, { year: 2025, today: '2026-01-01', agencyIds: [scope.id] }),
      ]);
      expect(a.marked.length + b.marked.length).toBe(6);
      expect([...a.failed, ...b.failed]).toEqual([]);
      for (const id of ids) expect(await yearClosedRows(id)).toBe(1);
    } finally {
      await other.destroy();
    }
  });

  it('runs the deadline sweep first, so a 补正 that lapsed in December is not carried forward', async () => {
    const lapsed = await register('2025-12-01');
    await service.apply(
      lapsed.id,
      { type: 'REQUEST_SUPPLEMENT', on: '2025-12-02', items: ['身份证明'], dueOn: '2025-12-16' },
      clerk,
    );
    today = '2026-01-01';
    const result = await closeYear(ds, service, {
      year: 2025,
      today: '2026-01-01',
      agencyIds: [scope.id],
    });
    expect(result.sweep?.applied).toEqual([
      expect.objectContaining({ caseId: lapsed.id, on: '2025-12-17' }),
    ]);
    expect(result.marked).toEqual([]);
    expect(await load(lapsed.id)).toMatchObject({ closed: true, decidedOn: '2025-12-17' });
  });

  it('closes a past year for a case received that year or before, and keeps the years in order', async () => {
    const old = await register('2024-12-20');
    await closeYear(ds, service, { year: 2025, today: '2026-01-05', agencyIds: [scope.id] });
    const late = await closeYear(ds, service, {
      year: 2024,
      today: '2026-01-05',
      agencyIds: [scope.id],
    });
    expect(late.marked.map((m) => m.caseId)).toEqual([old.id]);
    expect((await load(old.id)).snapshot.context.yearsClosed).toEqual([2024, 2025]);
  });

  it('refuses a year that has not ended', () => {
    expect(() => checkYearToClose(2026, '2026-12-31')).toThrow(YearCloseError);
    expect(() => checkYearToClose(2026, '2026-06-01')).toThrow('尚未结束');
    expect(() => checkYearToClose(1999, '2026-06-01')).toThrow(YearCloseError);
    expect(() => checkYearToClose(2025, '2026-01-01')).not.toThrow();
  });
});

import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  ensureAgency,
  IdentityCipher,
  createDataSource,
  dropDatabase,
  migrate,
  type JournalActor,
} from '@gongkai/persistence';
import { CaseTransitionService } from '../cases/case-transition.service';

const clerk: JournalActor = { id: 'clerk-1', role: 'clerk' };
const fee = { type: 'SERVE_FEE_NOTICE', standard: 'per_application', amountYuan: 100 } as const;

/** A database of its own: the test reverts a migration, which would disturb other specs. */
function ownDatabaseUrl(): string {
  const base = new URL(process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/gongkai');
  base.pathname = `/gongkai_migration_v2_${process.pid}`;
  return base.toString();
}

/** Undoes the migrations that came after the v2 upgrade, so the next undo is the one under test. */
async function undoUntilV2IsLast(ds: DataSource): Promise<void> {
  const v2 = 'UpgradedCaseSnapshotsToMachineV21764117300000';
  for (;;) {
    const [last] = (await ds.query(
      'SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1',
    )) as { name: string }[];
    if (!last || last.name === v2) return;
    await ds.undoLastMigration();
  }
}

interface Row {
  id: string;
  state: string;
  fee_state: string;
  machine_version: number;
  snapshot: { machineVersion: number; value: Record<string, unknown> };
}

describe('migration to case machine v2', () => {
  const url = ownDatabaseUrl();
  let ds: DataSource;
  let service: CaseTransitionService;
  let ids: Record<'waiting' | 'consulting' | 'paid' | 'closed', string>;

  const rows = async (): Promise<Record<string, Row>> =>
    Object.fromEntries(
      (
        (await ds.query(
          'SELECT id, state, fee_state, machine_version, snapshot FROM cases',
        )) as Row[]
      ).map((r) => [r.id, r]),
    );

  beforeAll(async () => {
    await dropDatabase(url);
    await migrate(url);
    ds = await createDataSource(url).initialize();
    service = new CaseTransitionService(ds, {
      cipher: new IdentityCipher(randomBytes(32)),
      today: () => '2025-06-30',
    });
    const { agency } = await ensureAgency(ds.manager, { code: 'migration-v2', name: '测试机关' });
    const register = async (events: readonly Record<string, unknown>[]) => {
      const { case: c } = await service.register(
        {
          agencyId: agency.id,
          receivedOn: '2025-03-03',
          channel: 'online',
          applicant: { category: 'natural_person', name: '张三' },
          request: '申请公开某项目的立项批复',
        },
        clerk,
      );
      for (const [i, e] of events.entries()) {
        await service.apply(c.id, e as never, clerk, i + 1);
      }
      return c.id;
    };
    const accept = { type: 'ACCEPT', on: '2025-03-03' };
    ids = {
      waiting: await register([accept, { ...fee, on: '2025-03-05' }]),
      consulting: await register([
        accept,
        { type: 'START_CONSULTATION', on: '2025-03-04', party: 'third_party' },
        { ...fee, on: '2025-03-05' },
      ]),
      paid: await register([
        accept,
        { ...fee, on: '2025-03-05' },
        { type: 'FEE_PAID', on: '2025-03-06' },
      ]),
      closed: await register([accept, { type: 'WITHDRAW', on: '2025-03-04' }]),
    };
  });
  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(url);
  });

  it('stores the fee region in the snapshot and in fee_state', async () => {
    const r = await rows();
    expect(r[ids.waiting]).toMatchObject({
      state: 'awaitingFee',
      fee_state: 'awaiting',
      machine_version: 2,
    });
    expect(r[ids.consulting]).toMatchObject({ state: 'consulting', fee_state: 'awaiting' });
    expect(r[ids.paid]).toMatchObject({ state: 'processing', fee_state: 'paid' });
    expect(r[ids.closed]).toMatchObject({ state: 'ended', fee_state: 'none' });
  });

  it('refuses to go back to v1 while a notice was served during a consultation', async () => {
    await undoUntilV2IsLast(ds);
    await expect(ds.undoLastMigration()).rejects.toThrow('无法退回状态机第1版');
    expect((await rows())[ids.consulting].machine_version).toBe(2);
    // The later migrations come back, so the next test's service reads the columns it knows.
    await ds.runMigrations({ transaction: 'each' });
  });

  it('goes down to v1 and up again to the same snapshots', async () => {
    const before = await rows();
    await service.apply(ids.consulting, { type: 'WITHDRAW', on: '2025-03-06' }, clerk, 4);
    const consultingClosed = (await rows())[ids.consulting].snapshot;
    await undoUntilV2IsLast(ds);
    await ds.undoLastMigration();
    const v1 = (await ds.query('SELECT id, state, machine_version, snapshot FROM cases')) as Row[];
    const byId = Object.fromEntries(v1.map((r) => [r.id, r]));
    expect(byId[ids.waiting].machine_version).toBe(1);
    expect(byId[ids.waiting].snapshot.machineVersion).toBe(1);
    expect(byId[ids.waiting].snapshot.value).toEqual({
      open: { procedure: 'awaitingFee', extension: 'none' },
    });
    expect(byId[ids.paid].snapshot.value).toEqual({
      open: { procedure: 'processing', extension: 'none' },
    });
    await ds.runMigrations({ transaction: 'each' });
    const after = await rows();
    for (const id of [ids.waiting, ids.paid, ids.closed]) {
      expect(after[id].snapshot).toEqual(before[id].snapshot);
      expect(after[id].fee_state).toBe(before[id].fee_state);
    }
    expect(after[ids.consulting].snapshot).toEqual(consultingClosed);
    expect(after[ids.consulting].fee_state).toBe('unpaid');
    // The upgraded cases are workable on the new machine.
    await service.apply(ids.waiting, { type: 'FEE_PAID', on: '2025-03-10' }, clerk, 3);
  });
});

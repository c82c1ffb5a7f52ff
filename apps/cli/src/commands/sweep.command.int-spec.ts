import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, databaseUrlFromEnv, ensureAgency, migrate } from '@gongkai/persistence';
import { CaseTransitionService, type JournalActor } from '@gongkai/application';
import { runCli } from '../testing/run-cli';
import { EXIT_OK, EXIT_USAGE } from '../cli-errors';
import { sweepDate } from './sweep.command';

const clerk: JournalActor = { id: 'clerk-1', role: 'clerk' };

const gongkai = (...args: string[]) => runCli(...args);

describe('gongkai sweep and gongkai year-close against DATABASE_URL', () => {
  let ds: DataSource;
  let code: string;
  let service: CaseTransitionService;

  beforeAll(async () => {
    process.env['DATABASE_URL'] ||= 'postgres://postgres@127.0.0.1:5432/gongkai_dev_worker';
    await migrate(databaseUrlFromEnv());
    ds = await createDataSource(databaseUrlFromEnv()).initialize();
    code = `cli-sweep-${randomUUID().slice(0, 8)}`;
    await ensureAgency(ds.manager, { code, name: '命令行测试机关' });
    service = new CaseTransitionService(ds, { today: () => '2025-06-30' });
  });
  afterAll(() => ds.destroy());

  const register = async (receivedOn: string) => {
    const [agency] = (await ds.query('SELECT id FROM agencies WHERE code = $1', [code])) as {
      id: string;
    }[];
    return (
      await service.register(
        {
          agencyId: agency.id,
          receivedOn,
          channel: 'in_person',
          applicant: { category: 'natural_person', name: '王五' },
        },
        clerk,
      )
    ).case;
  };

  it('sends a lapsed 补正 the first sweep after its deadline and prints what it did', async () => {
    const c = await register('2025-03-03');
    await service.apply(
      c.id,
      { type: 'REQUEST_SUPPLEMENT', on: '2025-03-05', items: ['身份证明'], dueOn: '2025-03-20' },
      clerk,
    );

    const before = await gongkai('sweep', '--today', '2025-03-20', '--agency', code, '--json');
    expect(before.code).toBe(EXIT_OK);
    expect(JSON.parse(before.stdout)).toMatchObject({ today: '2025-03-20', applied: [] });

    const after = await gongkai('sweep', '--today', '2025-03-21', '--agency', code, '--json');
    expect(after.code).toBe(EXIT_OK);
    expect(JSON.parse(after.stdout).applied).toEqual([
      expect.objectContaining({
        caseId: c.id,
        type: 'SUPPLEMENT_OVERDUE',
        on: '2025-03-21',
        outcome: 'other.supplement_overdue',
      }),
    ]);

    const again = await gongkai('sweep', '--today', '2025-03-24', '--agency', code);
    expect(again.code).toBe(EXIT_OK);
    expect(again.stdout).toContain('办理 0 件');
  });

  it('refuses a sweep date in the future or malformed, and an unknown agency', async () => {
    expect((await gongkai('sweep', '--today', '2999-01-01')).code).toBe(EXIT_USAGE);
    expect((await gongkai('sweep', '--today', '2025-13-01')).code).toBe(EXIT_USAGE);
    const unknown = await gongkai('sweep', '--agency', 'no-such-agency');
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toContain('no-such-agency');
    expect(sweepDate(undefined, new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });

  it('closes a past year once for the open cases, and again changes nothing', async () => {
    const open = await register('2025-05-06');
    const first = await gongkai('year-close', '--year', '2025', '--agency', code, '--json');
    expect(first.code).toBe(EXIT_OK);
    const result = JSON.parse(first.stdout);
    expect(result.marked.map((m: { caseId: string }) => m.caseId)).toEqual([open.id]);
    expect(result.failed).toEqual([]);

    const second = await gongkai('year-close', '--year', '2025', '--agency', code);
    expect(second.code).toBe(EXIT_OK);
    expect(second.stdout).toContain('结转下年度 0 件');
    const [{ n }] = (await ds.query(
      `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'YEAR_CLOSED'`,
      [open.id],
    )) as { n: number }[];
    expect(n).toBe(1);
  });

  it('needs a four-digit year that has ended', async () => {
    expect((await gongkai('year-close')).code).toBe(EXIT_USAGE);
    expect((await gongkai('year-close', '--year', '25')).code).toBe(EXIT_USAGE);
    const current = await gongkai('year-close', '--year', String(new Date().getFullYear() + 1));
    expect(current.code).toBe(EXIT_USAGE);
    expect(current.stderr).toContain('尚未结束');
  });
});

import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  IdentityCipher,
  CaseEntity,
  type AgencyEntity,
  CaseError,
  verifyAgencyJournal,
  verifyCaseJournal,
  type JournalActor,
} from '@gongkai/persistence';
import { openTestDatabase, seedAgency } from '@gongkai/persistence/testing';
import { CaseTransitionService } from './case-transition.service';

const clerk: JournalActor = { id: 'clerk-1', role: 'clerk' };
const leader: JournalActor = { id: 'leader-1', role: 'leader' };

describe('CaseTransitionService', () => {
  let ds: DataSource;
  let agency: AgencyEntity;
  let service: CaseTransitionService;

  beforeAll(async () => {
    ds = await openTestDatabase();
    agency = await seedAgency(ds, 'transition');
    service = new CaseTransitionService(ds, {
      cipher: new IdentityCipher(randomBytes(32)),
      today: () => '2025-06-30',
    });
  });
  afterAll(() => ds.destroy());

  const register = (ref?: string) =>
    service.register(
      {
        agencyId: agency.id,
        ref,
        receivedOn: '2025-03-03',
        channel: 'online',
        applicant: {
          category: 'natural_person',
          name: '张三',
          phone: '13800138000',
          identityNumber: '11010519491231002X',
        },
        request: '申请公开某路段改造工程的立项批复',
      },
      clerk,
    );

  it('registers a case with its first journal row, the identity number encrypted and masked', async () => {
    const { case: c, event } = await register();
    expect(c.ref).toMatch(/^2025-\d{4}$/);
    expect(c.state).toBe('intake');
    expect(c.version).toBe(1);
    expect(c.answerDueOn).toBe('2025-03-31');
    expect(c.applicantIdentityHint).toBe('110***********002X');
    expect(c.applicantIdentityCipher).not.toContain('11010519491231002X');
    expect(service.cipher.decrypt(c.applicantIdentityCipher ?? '')).toBe('11010519491231002X');
    expect(event.seq).toBe(1);
    expect(event.type).toBe('REGISTERED');
  });

  it("stores an organisation's 统一社会信用代码 normalised, in the row and the REGISTERED payload", async () => {
    const { case: c, event } = await service.register(
      {
        agencyId: agency.id,
        receivedOn: '2025-03-03',
        channel: 'post',
        applicant: {
          category: 'commercial_enterprise',
          name: '某某科技有限公司',
          creditCode: ' 91350100m000100y43 ',
        },
        request: '申请公开某项目的环评批复',
      },
      clerk,
    );
    expect(c.applicantCreditCode).toBe('91350100M000100Y43');
    expect(event.payload).toMatchObject({ applicantCreditCode: '91350100M000100Y43' });
    const stored = await ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id });
    expect(stored.applicantCreditCode).toBe('91350100M000100Y43');
  });

  it('refuses a wrong credit code check character, and a credit code for a natural person', async () => {
    const count = async () =>
      (
        (await ds.query('SELECT count(*)::int AS n FROM cases WHERE agency_id = $1', [
          agency.id,
        ])) as {
          n: number;
        }[]
      )[0].n;
    const before = await count();
    const attempt = (category: string, creditCode: string) =>
      service.register(
        {
          agencyId: agency.id,
          receivedOn: '2025-03-03',
          channel: 'post',
          applicant: { category: category as 'other_org', name: '某单位', creditCode },
          request: '申请公开某项目的环评批复',
        },
        clerk,
      );
    await expect(attempt('other_org', '91350100M000100Y44')).rejects.toMatchObject({
      kind: 'invalid',
      code: 'invalid_credit_code',
      message: expect.stringContaining('校验码应为3'),
    });
    await expect(attempt('natural_person', '91350100M000100Y43')).rejects.toMatchObject({
      kind: 'invalid',
      code: 'credit_code_for_natural_person',
    });
    expect(await count()).toBe(before);
  });

  it('applies events through the machine and keeps the row and the journal in step', async () => {
    const { case: c } = await register();
    await service.apply(c.id, { type: 'ACCEPT', on: '2025-03-03' }, clerk, 1);
    await service.apply(
      c.id,
      { type: 'DRAFT_DECISION', on: '2025-03-10', outcome: 'disclosed' },
      clerk,
      2,
    );
    const { case: after, event } = await service.apply(
      c.id,
      { type: 'APPROVE_DECISION', on: '2025-03-11' },
      leader,
      3,
    );
    expect(after.state).toBe('awaitingService');
    expect(after.closed).toBe(true);
    expect(after.outcome).toBe('disclosed');
    expect(after.decidedOn).toBe('2025-03-11');
    expect(after.version).toBe(4);
    expect(event.seq).toBe(4);
    const stored = await ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id });
    expect(stored.version).toBe(4);
    expect(stored.nextDueOn).toBeNull();
    expect((await verifyCaseJournal(ds.manager, c.id)).ok).toBe(true);
  });

  it('refuses an event the machine does not allow with the Chinese reason, writing nothing', async () => {
    const { case: c } = await register();
    const error = await service
      .apply(c.id, { type: 'APPROVE_DECISION', on: '2025-03-04' }, leader, 1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseError);
    expect((error as CaseError).kind).toBe('refused');
    expect((error as CaseError).message).toMatch(/不能/);
    const stored = await ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id });
    expect(stored.version).toBe(1);
  });

  it('refuses dates in the future and unknown ids', async () => {
    const { case: c } = await register();
    await expect(
      service.apply(c.id, { type: 'ACCEPT', on: '2025-07-01' }, clerk),
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      service.apply('not-a-uuid', { type: 'ACCEPT', on: '2025-03-03' }, clerk),
    ).rejects.toMatchObject({ kind: 'not_found' });
    await expect(
      service.apply(c.id, { type: 'ACCEPT', on: '2025-03-03' }, clerk, undefined, {
        agencyIds: [],
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('lets exactly one of two conflicting transitions through; the other gets a conflict', async () => {
    const { case: c } = await register();
    const results = await Promise.allSettled([
      service.apply(c.id, { type: 'ACCEPT', on: '2025-03-04' }, clerk, 1),
      service.apply(c.id, { type: 'WITHDRAW', on: '2025-03-04' }, clerk, 1),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject({ kind: 'conflict' });
    const rows = await ds.query('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', [
      c.id,
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('chains a transition that waited for the row lock to the journal row written meanwhile', async () => {
    const { case: c } = await register();
    await service.apply(c.id, { type: 'ACCEPT', on: '2025-03-03' }, clerk, 1);
    let applied!: () => void;
    let release!: () => void;
    const firstApplied = new Promise<void>((resolve) => (applied = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // The first transition keeps its transaction (and the row lock) open until released.
    const first = ds.transaction(async (m) => {
      const result = await service.apply(
        c.id,
        { type: 'START_CONSULTATION', on: '2025-03-05', party: 'third_party' },
        clerk,
        undefined,
        { manager: m },
      );
      applied();
      await released;
      return result;
    });
    await firstApplied;
    // Sent without a version (as the worker does): it waits for the lock, then goes on.
    const second = service.apply(c.id, { type: 'CONSULTATION_REPLIED', on: '2025-03-12' }, clerk);
    for (let i = 0; i < 200; i++) {
      const [{ n }] = (await ds.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )) as { n: number }[];
      if (n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    release();
    const [a, b] = await Promise.all([first, second]);
    expect([a.event.seq, b.event.seq]).toEqual([3, 4]);
    expect(b.event.prevHash).toBe(a.event.hash);
    expect(b.case.version).toBe(4);
    expect((await verifyCaseJournal(ds.manager, c.id)).ok).toBe(true);
  });

  it('rejects UPDATE and DELETE of journal rows', async () => {
    const { case: c } = await register();
    await expect(
      ds.query(`UPDATE case_events SET type = 'X' WHERE case_id = $1`, [c.id]),
    ).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM case_events WHERE case_id = $1', [c.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('reports a row changed behind the trigger at its seq, for the case and for the agency', async () => {
    const { case: c } = await register();
    await service.apply(c.id, { type: 'ACCEPT', on: '2025-03-03' }, clerk, 1);
    await service.apply(
      c.id,
      { type: 'START_CONSULTATION', on: '2025-03-05', party: 'third_party' },
      clerk,
      2,
    );
    await service.apply(c.id, { type: 'CONSULTATION_REPLIED', on: '2025-03-12' }, clerk, 3);
    await ds.transaction(async (m) => {
      await m.query('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
      await m.query(
        `UPDATE case_events SET occurred_on = '2025-03-06' WHERE case_id = $1 AND seq = 3`,
        [c.id],
      );
      await m.query('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    });
    const one = await verifyCaseJournal(ds.manager, c.id);
    expect(one.ok).toBe(false);
    expect(one.firstBroken).toMatchObject({ caseId: c.id, seq: 3 });
    const all = await verifyAgencyJournal(ds.manager, [agency.id]);
    expect(all.ok).toBe(false);
    expect(all.broken.map((b) => [b.caseId, b.seq])).toEqual([[c.id, 3]]);
  });

  it('reports a removed last row', async () => {
    const { case: c } = await register();
    await service.apply(c.id, { type: 'ACCEPT', on: '2025-03-03' }, clerk, 1);
    await ds.transaction(async (m) => {
      await m.query('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
      await m.query('DELETE FROM case_events WHERE case_id = $1 AND seq = 2', [c.id]);
      await m.query('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    });
    expect((await verifyCaseJournal(ds.manager, c.id)).firstBroken).toMatchObject({ seq: 2 });
  });
});

import type { DataSource } from 'typeorm';
import { addDays, defaultWorkingDayCalendar, type LocalDate } from '@gongkai/domain';
import {
  CaseEntity,
  type AgencyEntity,
  verifyCaseJournal,
  sweepDeadlines,
  type SweepAction,
  type JournalActor,
} from '@gongkai/persistence';
import { openTestDatabase, seedAgency } from '@gongkai/persistence/testing';
import { CaseTransitionService } from '../cases/case-transition.service';

const clerk: JournalActor = { id: 'clerk-1', role: 'clerk' };
const calendar = defaultWorkingDayCalendar();

describe('deadline sweep on PostgreSQL', () => {
  let ds: DataSource;
  let agency: AgencyEntity;
  let today: LocalDate;
  let service: CaseTransitionService;

  beforeAll(async () => {
    ds = await openTestDatabase();
    agency = await seedAgency(ds, 'sweep');
    service = new CaseTransitionService(ds, { today: () => today });
  });
  afterAll(() => ds.destroy());

  // Each test gets its own agency, so a sweep only ever sees the cases the test made.
  let scope: AgencyEntity;
  beforeEach(async () => {
    scope = await seedAgency(ds, 'sweep');
    today = '2025-12-31';
  });
  const sweep = (on: LocalDate, extra: Partial<Parameters<typeof sweepDeadlines>[2]> = {}) =>
    sweepDeadlines(ds, service, { today: on, agencyIds: [scope.id], ...extra });

  const register = async (receivedOn: LocalDate, agencyId = scope.id) =>
    (
      await service.register(
        {
          agencyId,
          receivedOn,
          channel: 'online',
          applicant: { category: 'natural_person', name: '张三' },
          request: '申请公开某路段改造工程的立项批复',
        },
        clerk,
      )
    ).case;

  /** Received 2025-03-03; 补正 notice served 03-05, the applicant has until `dueOn`. */
  const awaitingSupplement = async (dueOn: LocalDate = '2025-03-20') => {
    const c = await register('2025-03-03');
    await service.apply(
      c.id,
      { type: 'REQUEST_SUPPLEMENT', on: '2025-03-05', items: ['申请人身份证明'], dueOn },
      clerk,
    );
    return c;
  };
  const awaitingFee = async () => {
    const c = await register('2025-03-03');
    await service.apply(c.id, { type: 'ACCEPT', on: '2025-03-03' }, clerk);
    await service.apply(
      c.id,
      { type: 'SERVE_FEE_NOTICE', on: '2025-03-10', standard: 'per_application', amountYuan: 100 },
      clerk,
    );
    return c;
  };
  const consulting = async () => {
    const c = await register('2025-03-03');
    await service.apply(c.id, { type: 'ACCEPT', on: '2025-03-03' }, clerk);
    await service.apply(
      c.id,
      { type: 'START_CONSULTATION', on: '2025-03-04', party: 'third_party' },
      clerk,
    );
    return c;
  };

  const load = (id: string) => ds.getRepository(CaseEntity).findOneByOrFail({ id });
  const journal = async (id: string) =>
    (await ds.query(
      'SELECT type, occurred_on::text AS on, actor_id FROM case_events WHERE case_id = $1 ORDER BY seq',
      [id],
    )) as { type: string; on: string; actor_id: string }[];
  const expiriesPerCase = async (ids: string[]) =>
    (await ds.query(
      `SELECT case_id, count(*)::int AS n FROM case_events
        WHERE case_id = ANY($1::uuid[]) AND type IN ('SUPPLEMENT_OVERDUE', 'FEE_OVERDUE', 'CONSULTATION_EXPIRED')
        GROUP BY case_id`,
      [ids],
    )) as { case_id: string; n: number }[];

  it('closes an unanswered 补正 as other.supplement_overdue the first sweep after its deadline, and not before', async () => {
    const c = await awaitingSupplement('2025-03-20');

    const early = await sweep('2025-03-20');
    expect(early.applied).toEqual([]);
    expect((await load(c.id)).state).toBe('awaitingSupplement');

    const due = await sweep('2025-03-21');
    expect(due.applied).toEqual([
      expect.objectContaining({
        caseId: c.id,
        type: 'SUPPLEMENT_OVERDUE',
        on: '2025-03-21',
        deadline: '2025-03-20',
        outcome: 'other.supplement_overdue',
      }),
    ]);
    const after = await load(c.id);
    expect(after).toMatchObject({
      closed: true,
      outcome: 'other.supplement_overdue',
      decidedOn: '2025-03-21',
      nextDueOn: null,
    });
    const rows = await journal(c.id);
    expect(rows.at(-1)).toEqual({
      type: 'SUPPLEMENT_OVERDUE',
      on: '2025-03-21',
      actor_id: 'system',
    });
    expect((await verifyCaseJournal(ds.manager, c.id)).ok).toBe(true);

    // A second sweep finds nothing to do.
    expect((await sweep('2025-03-24')).applied).toEqual([]);
    expect(await journal(c.id)).toHaveLength(rows.length);
  });

  it('dates a late sweep the day after the deadline, so the case closes in the right year', async () => {
    const c = await awaitingSupplement('2025-12-20');
    today = '2026-01-05';
    const result = await sweep('2026-01-05');
    expect(result.applied).toEqual([expect.objectContaining({ caseId: c.id, on: '2025-12-21' })]);
    expect((await load(c.id)).decidedOn).toBe('2025-12-21');
  });

  it('closes an unpaid fee notice as other.fee_unpaid the first sweep after 20 working days', async () => {
    const c = await awaitingFee();
    // 国办函〔2020〕109号: 20 WD from the day after service.
    const feeDue = calendar.addWorkingDays('2025-03-10', 20).dueOn;
    expect((await load(c.id)).deadlines.feePayment?.dueOn).toBe(feeDue);

    expect((await sweep(feeDue)).applied).toEqual([]);
    expect((await load(c.id)).state).toBe('awaitingFee');

    const result = await sweep(addDays(feeDue, 1));
    expect(result.applied).toEqual([
      expect.objectContaining({
        caseId: c.id,
        type: 'FEE_OVERDUE',
        on: addDays(feeDue, 1),
        outcome: 'other.fee_unpaid',
      }),
    ]);
    expect(await load(c.id)).toMatchObject({ closed: true, outcome: 'other.fee_unpaid' });
  });

  it('ends an unanswered consultation after 15 working days and returns the case to processing', async () => {
    const c = await consulting();
    const replyDue = calendar.addWorkingDays('2025-03-04', 15).dueOn;
    expect((await sweep(replyDue)).applied).toEqual([]);

    const result = await sweep(addDays(replyDue, 1));
    expect(result.applied).toEqual([
      expect.objectContaining({
        caseId: c.id,
        type: 'CONSULTATION_EXPIRED',
        on: addDays(replyDue, 1),
        stateAfter: 'processing',
        outcome: null,
      }),
    ]);
    const after = await load(c.id);
    expect(after.state).toBe('processing');
    expect(after.closed).toBe(false);
    // Arts 32, 33 para. 3: the answer clock was paused for the 15 WD, and runs again.
    const unpaused = calendar.addWorkingDays('2025-03-03', 20).dueOn;
    expect(after.answerDueOn).toBe(calendar.addWorkingDays(unpaused, 15).dueOn);
    expect((await sweep(addDays(replyDue, 30))).applied).toEqual([]);
  });

  it('never dates an expiry before the last recorded step of the case', async () => {
    const c = await consulting();
    const replyDue = calendar.addWorkingDays('2025-03-04', 15).dueOn;
    // A step recorded after the reply deadline, before any sweep ran (the worker was down).
    const later = addDays(replyDue, 3);
    await service.apply(
      c.id,
      { type: 'REQUEST_EXTENSION', on: later, workingDays: 10, reason: '需要进一步核查' },
      clerk,
    );
    const result = await sweep(addDays(replyDue, 10));
    expect(result.applied).toEqual([
      expect.objectContaining({ caseId: c.id, type: 'CONSULTATION_EXPIRED', on: later }),
    ]);
  });

  it('leaves every case closed exactly once when a worker dies mid-sweep and a new one starts', async () => {
    const cases = [];
    for (let i = 0; i < 5; i++) cases.push(await awaitingSupplement('2025-03-20'));
    const ids = cases.map((c) => c.id);

    let done = 0;
    const crash = sweep('2025-03-25', {
      afterCase: () => {
        done += 1;
        if (done === 2) throw new Error('worker killed');
      },
    });
    await expect(crash).rejects.toThrow('worker killed');
    expect(
      (
        await ds.query(
          'SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[]) AND closed',
          [ids],
        )
      )[0].n,
    ).toBe(2);

    const restart = await sweep('2025-03-25');
    expect(restart.applied).toHaveLength(3);
    const counts = await expiriesPerCase(ids);
    expect(counts).toHaveLength(5);
    expect(counts.every((r) => r.n === 1)).toBe(true);
    for (const id of ids) expect((await verifyCaseJournal(ds.manager, id)).ok).toBe(true);
  });

  it('lets two workers sweeping at the same time send each expiry once', async () => {
    const other = await openTestDatabase();
    try {
      const otherService = new CaseTransitionService(other, { today: () => today });
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push((await awaitingSupplement('2025-03-20')).id);
      for (let i = 0; i < 4; i++) ids.push((await awaitingFee()).id);

      const [a, b] = await Promise.all([
        sweepDeadlines(ds, service, { today: '2025-06-30', agencyIds: [scope.id], batchSize: 3 }),
        sweepDeadlines(other, otherService, {
          today: '2025-06-30',
          agencyIds: [scope.id],
          batchSize: 3,
        }),
      ]);
      const sent: SweepAction[] = [...a.applied, ...b.applied];
      expect(sent).toHaveLength(16);
      expect(new Set(sent.map((s) => s.caseId)).size).toBe(16);
      const counts = await expiriesPerCase(ids);
      expect(counts).toHaveLength(16);
      expect(counts.every((r) => r.n === 1)).toBe(true);
    } finally {
      await other.destroy();
    }
  });

  it('skips a case another transaction holds, and sends it on the next sweep', async () => {
    const c = await awaitingSupplement('2025-03-20');
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [c.id]);
      const blocked = await sweep('2025-03-25');
      expect(blocked.applied).toEqual([]);
      expect(blocked.skipped).toEqual([{ caseId: c.id, reason: 'locked' }]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect((await sweep('2025-03-25')).applied).toHaveLength(1);
  });

  it('does not touch cases of agencies outside the given scope, nor cases with nothing due', async () => {
    const elsewhere = await register('2025-03-03', agency.id);
    await service.apply(
      elsewhere.id,
      { type: 'REQUEST_SUPPLEMENT', on: '2025-03-05', items: ['身份证明'], dueOn: '2025-03-20' },
      clerk,
    );
    const processing = await register('2025-03-03');
    await service.apply(processing.id, { type: 'ACCEPT', on: '2025-03-03' }, clerk);
    const result = await sweep('2025-12-30');
    expect(result.applied).toEqual([]);
    expect((await load(elsewhere.id)).state).toBe('awaitingSupplement');
    expect((await load(processing.id)).state).toBe('processing');
  });
});

import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  defaultDecisionBasis,
  requiresReasons,
  upgradePersistedSnapshot,
  WorkingDayCalendar,
  type Outcome,
} from '@gongkai/domain';
import { CaseTransitionService } from '../cases/case-transition.service';
import {
  checkpointProblems,
  createDataSource,
  ensureAgency,
  GENESIS_HASH,
  IdentityCipher,
  journalHash,
  migrate,
  publicKeyFingerprint,
  type AgencyEntity,
  type JournalActor,
  type JournalSigningKey,
  UserEntity,
} from '@gongkai/persistence';
import { ManualClock } from '../common/clock';
import { CheckJournalNightlyUseCase } from './check-journal-nightly.use-case';
import { TakeCheckpointUseCase } from './take-checkpoint.use-case';
import { VerifyJournalUseCase } from './verify-journal.use-case';
import { VerifyPool } from './verify-pool';

const clerk: JournalActor = { id: 'clerk-1', role: 'clerk' };
const leader: JournalActor = { id: 'leader-1', role: 'leader' };
const URL = process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/gongkai_dev_cases';

function testKey(): JournalSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}

interface EventRow {
  id: string;
  case_id: string;
  agency_id: string;
  seq: number;
  type: string;
  machine_event: boolean;
  payload: Record<string, unknown>;
  actor_id: string;
  actor_role: string;
  occurred_on: string;
  recorded_at: Date;
  basis: string | null;
  state_after: string;
  prev_hash: string;
  hash: string;
}

function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/** As a hostile superuser: triggers off for this transaction only. */
async function asSuperuser(ds: DataSource, work: (m: EntityManager) => Promise<void>) {
  await ds.transaction(async (m) => {
    await m.query('SET LOCAL session_replication_role = replica');
    await work(m);
  });
}

/**
 * Rewrites a case's journal as an attacker with the project's own hash function would: every
 * row renumbered and re-chained, so the chain holds.
 */
async function rewriteJournal(
  m: EntityManager,
  caseId: string,
  edit: (rows: EventRow[]) => EventRow[],
): Promise<void> {
  const rows = (await m.query(
    `SELECT id, case_id, agency_id, seq, type, machine_event, payload, actor_id, actor_role,
            to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, recorded_at, basis, state_after,
            prev_hash, hash FROM case_events WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  )) as EventRow[];
  const edited = edit(rows);
  await m.query('DELETE FROM case_events WHERE case_id = $1', [caseId]);
  let prev = GENESIS_HASH;
  for (const [i, r] of edited.entries()) {
    const fields = {
      caseId,
      seq: i + 1,
      type: r.type,
      machineEvent: r.machine_event,
      payload: r.payload,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      occurredOn: r.occurred_on,
      recordedAt: r.recorded_at,
      basis: r.basis,
      stateAfter: r.state_after,
      prevHash: prev,
    };
    const hash = journalHash(fields);
    await m.query(
      `INSERT INTO case_events (case_id, agency_id, seq, type, machine_event, payload, actor_id,
         actor_role, occurred_on, recorded_at, basis, state_after, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        caseId,
        r.agency_id,
        i + 1,
        r.type,
        r.machine_event,
        JSON.stringify(r.payload),
        r.actor_id,
        r.actor_role,
        r.occurred_on,
        r.recorded_at,
        r.basis,
        r.state_after,
        prev,
        hash,
      ],
    );
    prev = hash;
  }
}

describe('journal verification (replay audit and signed checkpoints)', () => {
  let ds: DataSource;
  let service: CaseTransitionService;
  const clock = new ManualClock(new Date('2025-06-30T02:00:00Z'));
  const key = testKey();
  let verify: VerifyJournalUseCase;
  let checkpoint: TakeCheckpointUseCase;

  beforeAll(async () => {
    await migrate(URL);
    ds = await createDataSource(URL).initialize();
    service = new CaseTransitionService(ds, {
      cipher: new IdentityCipher(randomBytes(32)),
      today: () => '2025-06-30',
    });
    verify = new VerifyJournalUseCase(ds, clock);
    checkpoint = new TakeCheckpointUseCase(ds, clock, () => key, verify);
  });
  afterAll(() => ds.destroy());

  async function agency(): Promise<AgencyEntity> {
    const code = `journal-${randomUUID().slice(0, 8)}`;
    return (await ensureAgency(ds.manager, { code, name: '日志校验测试机关' })).agency;
  }

  async function register(a: AgencyEntity, ref: string, receivedOn = '2025-03-03') {
    const { case: c } = await service.register(
      {
        agencyId: a.id,
        ref,
        receivedOn,
        channel: 'online',
        applicant: { category: 'natural_person', name: '张三' },
        request: '申请公开某路段改造工程的立项批复',
      },
      clerk,
    );
    return c.id;
  }

  /** A case decided and served: ACCEPT, DRAFT_DECISION, APPROVE_DECISION, RECORD_SERVICE. */
  async function servedCase(
    a: AgencyEntity,
    ref: string,
    outcome: Outcome = 'partially_disclosed',
  ) {
    const id = await register(a, ref);
    await service.apply(id, { type: 'ACCEPT', on: '2025-03-03' }, clerk);
    const reasoned = requiresReasons(outcome)
      ? { reasons: '涉及第三方商业秘密的部分不予公开', basis: defaultDecisionBasis(outcome) }
      : {};
    await service.apply(
      id,
      { type: 'DRAFT_DECISION', on: '2025-03-10', outcome, ...reasoned },
      clerk,
    );
    await service.apply(id, { type: 'APPROVE_DECISION', on: '2025-03-11' }, leader);
    await service.apply(
      id,
      { type: 'RECORD_SERVICE', on: '2025-03-12', method: 'post', servedOn: '2025-03-12' },
      clerk,
    );
    return id;
  }

  async function openCase(a: AgencyEntity, ref: string) {
    const id = await register(a, ref);
    await service.apply(id, { type: 'ACCEPT', on: '2025-03-03' }, clerk);
    await service.apply(
      id,
      { type: 'START_CONSULTATION', on: '2025-03-05', party: 'third_party' },
      clerk,
    );
    return id;
  }

  const audit = (a: AgencyEntity) => verify.execute({ agencyIds: [a.id] });

  it('verifies untouched cases clean and signs a checkpoint that verifies', async () => {
    const a = await agency();
    await servedCase(a, 'A-1');
    await openCase(a, 'A-2');
    await register(a, 'A-3');
    const result = await audit(a);
    expect(result.findings).toEqual([]);
    expect(result).toMatchObject({ ok: true, casesChecked: 3, eventsChecked: 9 });

    const taken = await checkpoint.execute({ agency: { id: a.id, code: a.code } });
    expect(taken.checkpoint).toMatchObject({ caseCount: 3, eventCount: 9, agencyCode: a.code });
    expect(checkpointProblems(present(taken.checkpoint), key.fingerprint)).toEqual([]);
    // The stored checkpoint is found and used, and a later transition only makes it grow.
    await service.apply(
      (await ds.query('SELECT id FROM cases WHERE ref = $1 AND agency_id = $2', ['A-3', a.id]))[0]
        .id,
      { type: 'ACCEPT', on: '2025-03-04' },
      clerk,
    );
    const after = await audit(a);
    expect(after.findings).toEqual([]);
    expect(after.checkpoints).toHaveLength(1);
    expect(after.checkpoints[0].fingerprint).toBe(key.fingerprint);
  });

  it('refuses UPDATE outside the transition path, DELETE and TRUNCATE of cases', async () => {
    const a = await agency();
    const id = await register(a, 'G-1');
    await expect(
      ds.query(`UPDATE cases SET outcome = 'disclosed' WHERE id = $1`, [id]),
    ).rejects.toThrow(/outside the transition path/);
    await expect(ds.query('DELETE FROM cases WHERE id = $1', [id])).rejects.toThrow(
      /never deleted/,
    );
    await expect(ds.query('TRUNCATE cases CASCADE')).rejects.toThrow(/never deleted|append-only/);
    expect((await audit(a)).ok).toBe(true);
  });

  it('finds a case row field changed (UPDATE cases SET outcome), naming agency, ref and field', async () => {
    const a = await agency();
    const id = await servedCase(a, 'T-1');
    await servedCase(a, 'T-2');
    await asSuperuser(ds, (m) =>
      m.query(`UPDATE cases SET outcome = 'disclosed' WHERE id = $1`, [id]).then(() => undefined),
    );
    const result = await audit(a);
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({
        agencyCode: a.code,
        ref: 'T-1',
        field: 'outcome',
        stored: 'disclosed',
        replayed: 'partially_disclosed',
      }),
    ]);
  });

  it('finds the last journal row deleted with version and state rolled back, by the checkpoint', async () => {
    const a = await agency();
    const id = await servedCase(a, 'D-1');
    await checkpoint.execute({ agency: { id: a.id, code: a.code } });
    // The case row as it was before RECORD_SERVICE: what a careful attacker would restore.
    const [before] = await ds.query(
      `SELECT payload FROM case_events WHERE case_id = $1 AND seq = 4`,
      [id],
    );
    expect(before).toBeDefined();
    await asSuperuser(ds, async (m) => {
      await m.query('DELETE FROM case_events WHERE case_id = $1 AND seq = 5', [id]);
      await m.query(
        `UPDATE cases SET version = 4, state = 'awaitingService', served_on = NULL,
           snapshot = jsonb_set(jsonb_set(snapshot, '{value}', '{"closed":"awaitingService"}'),
             '{context,service}', 'null')
         WHERE id = $1`,
        [id],
      );
    });
    const result = await audit(a);
    expect(result.ok).toBe(false);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ ref: 'D-1', field: 'checkpoint.length', stored: 4, replayed: 5 }),
    );
  });

  it('finds a payload changed with every hash recomputed (and the case row made to match)', async () => {
    const a = await agency();
    const id = await servedCase(a, 'P-1');
    await checkpoint.execute({ agency: { id: a.id, code: a.code } });
    await asSuperuser(ds, async (m) => {
      await rewriteJournal(m, id, (rows) =>
        rows.map((r) =>
          r.type === 'DRAFT_DECISION'
            ? { ...r, payload: { ...r.payload, outcome: 'disclosed' } }
            : r,
        ),
      );
    });
    const replayOnly = await verify.execute({ agencyIds: [a.id], checkpoint: 'none' });
    // The row still says what the journal said before: the replay names the difference.
    expect(replayOnly.findings).toContainEqual(
      expect.objectContaining({ ref: 'P-1', field: 'outcome', stored: 'partially_disclosed' }),
    );
    await asSuperuser(ds, (m) =>
      m
        .query(
          `UPDATE cases SET outcome = 'disclosed',
             snapshot = jsonb_set(jsonb_set(snapshot, '{context,outcome}', '"disclosed"'),
               '{context,draft,outcome}', '"disclosed"') WHERE id = $1`,
          [id],
        )
        .then(() => undefined),
    );
    expect((await verify.execute({ agencyIds: [a.id], checkpoint: 'none' })).findings).toEqual([]);
    // Only the signature outside the database still knows: history before it was rewritten.
    const result = await audit(a);
    expect(result.findings).toEqual([
      expect.objectContaining({ ref: 'P-1', field: 'checkpoint.head' }),
    ]);
  });

  it('finds a whole case erased, its row and its journal', async () => {
    const a = await agency();
    await servedCase(a, 'E-1');
    const id = await openCase(a, 'E-2');
    await checkpoint.execute({ agency: { id: a.id, code: a.code } });
    await asSuperuser(ds, async (m) => {
      await m.query('DELETE FROM case_events WHERE case_id = $1', [id]);
      await m.query('DELETE FROM cases WHERE id = $1', [id]);
    });
    const result = await audit(a);
    expect(result.findings).toEqual([
      expect.objectContaining({ caseId: id, ref: 'E-2', field: 'checkpoint.case' }),
    ]);
    // Without a checkpoint nothing is left to find; with only the row gone, the journal tells.
  });

  it('finds the same in worker threads as in the process, agencies side by side', async () => {
    const [a, b, c] = [await agency(), await agency(), await agency()];
    const changed = await servedCase(a, 'W-1');
    await servedCase(a, 'W-2');
    const erased = await openCase(b, 'W-3');
    await servedCase(b, 'W-4');
    await openCase(c, 'W-5');
    for (const x of [a, b, c]) await checkpoint.execute({ agency: { id: x.id, code: x.code } });
    await asSuperuser(ds, async (m) => {
      await m.query(`UPDATE cases SET outcome = 'disclosed' WHERE id = $1`, [changed]);
      await m.query('DELETE FROM case_events WHERE case_id = $1', [erased]);
      await m.query('DELETE FROM cases WHERE id = $1', [erased]);
    });
    const command = { agencyIds: [a.id, b.id, c.id] };
    const inProcess = await verify.execute({ ...command, workers: 0 });
    const progress: number[] = [];
    const threaded = await verify.execute({
      ...command,
      workers: 2,
      onProgress: (p) => void progress.push(p.casesChecked),
    });
    expect(inProcess.workerThreads).toBe(0);
    expect(threaded.workerThreads).toBe(2);
    expect(threaded.findings).toEqual(inProcess.findings);
    expect(threaded.findings).toHaveLength(2);
    expect(threaded.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ caseId: changed, ref: 'W-1', field: 'outcome' }),
        expect.objectContaining({ caseId: erased, ref: 'W-3', field: 'checkpoint.case' }),
      ]),
    );
    expect(threaded).toMatchObject({
      ok: false,
      casesChecked: inProcess.casesChecked,
      eventsChecked: inProcess.eventsChecked,
      findingCount: inProcess.findingCount,
      checkpoints: inProcess.checkpoints,
    });
    expect(progress.at(-1)).toBe(4);
  });

  it('starts no worker threads that cannot connect (the verification then runs in the process)', async () => {
    expect(await VerifyPool.start(2, 'postgres://postgres@127.0.0.1:1/none', [])).toBeNull();
  });

  it('finds a case row deleted while its journal stays', async () => {
    const a = await agency();
    const id = await openCase(a, 'R-1');
    await asSuperuser(ds, (m) =>
      m.query('DELETE FROM cases WHERE id = $1', [id]).then(() => undefined),
    );
    expect((await verify.execute({ agencyIds: [a.id], checkpoint: 'none' })).findings).toEqual([
      expect.objectContaining({ caseId: id, ref: 'R-1', field: 'case' }),
    ]);
  });

  it('finds a journal row inserted in the middle with the chain recomputed', async () => {
    const a = await agency();
    const id = await servedCase(a, 'I-1');
    await checkpoint.execute({ agency: { id: a.id, code: a.code } });
    await asSuperuser(ds, async (m) => {
      await rewriteJournal(m, id, (rows) => [
        ...rows.slice(0, 2),
        {
          ...rows[1],
          type: 'ATTACHMENT_ADDED',
          machine_event: false,
          payload: { fileName: '补充材料.pdf' },
        },
        ...rows.slice(2),
      ]);
      await m.query('UPDATE cases SET version = version + 1 WHERE id = $1', [id]);
    });
    const result = await audit(a);
    expect(result.ok).toBe(false);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ ref: 'I-1', field: 'checkpoint.head' }),
    );
    expect(result.findings.every((f) => f.ref === 'I-1')).toBe(true);
  });

  it('finds a checkpoint whose list was edited, or signed by another key', async () => {
    const a = await agency();
    await servedCase(a, 'K-1');
    const taken = present(
      (await checkpoint.execute({ agency: { id: a.id, code: a.code } })).checkpoint,
    );
    const edited = { ...taken, entries: taken.entries.map((e) => ({ ...e, length: 9 })) };
    const result = await verify.execute({ agencyIds: [a.id], checkpoint: edited });
    expect(result.findings.map((f) => f.field)).toContain('checkpoint');
    const other = await verify.execute({
      agencyIds: [a.id],
      checkpoint: taken,
      trustedFingerprint: testKey().fingerprint,
    });
    expect(other.findings).toEqual([
      expect.objectContaining({
        field: 'checkpoint',
        message: expect.stringContaining('未知密钥'),
      }),
    ]);
  });

  it('does not sign a tampered journal', async () => {
    const a = await agency();
    const id = await servedCase(a, 'S-1');
    await asSuperuser(ds, (m) =>
      m
        .query(`UPDATE cases SET decided_on = '2025-12-30' WHERE id = $1`, [id])
        .then(() => undefined),
    );
    const taken = await checkpoint.execute({ agency: { id: a.id, code: a.code } });
    expect(taken.checkpoint).toBeNull();
    expect(taken.audit.findings).toEqual([
      expect.objectContaining({ ref: 'S-1', field: 'decided_on', stored: '2025-12-30' }),
    ]);
  });

  it('verifies clean after a machine v1 → v2 upgrade of a stored snapshot', async () => {
    const a = await agency();
    const id = await register(a, 'V-1');
    await service.apply(id, { type: 'ACCEPT', on: '2025-03-03' }, clerk);
    await service.apply(
      id,
      {
        type: 'SERVE_FEE_NOTICE',
        on: '2025-03-05',
        standard: 'per_application',
        amountYuan: 100,
      },
      clerk,
    );
    // The snapshot as machine v1 stored it (the fee notice as a procedure step), then upgraded
    // as the v2 migration does.
    const [{ snapshot }] = await ds.query('SELECT snapshot FROM cases WHERE id = $1', [id]);
    const v1 = {
      ...snapshot,
      machineVersion: 1,
      value: { open: { procedure: 'awaitingFee', extension: snapshot.value.open.extension } },
      context: { ...snapshot.context, machineVersion: 1 },
    };
    await asSuperuser(ds, (m) =>
      m
        .query('UPDATE cases SET snapshot = $2::jsonb, machine_version = 2 WHERE id = $1', [
          id,
          JSON.stringify(upgradePersistedSnapshot(v1)),
        ])
        .then(() => undefined),
    );
    expect((await audit(a)).findings).toEqual([]);
  });

  it('verifies clean after a calendar load and the recompute it journals, closed cases too', async () => {
    const a = await agency();
    // A year reloaded loses its earlier arrangement (see the report): start from none loaded.
    await ds.query('DELETE FROM calendar_years WHERE year = 2024');
    service.calendars.invalidate();
    const closedBefore = await register(a, 'C-1', '2024-03-01');
    await service.apply(closedBefore, { type: 'WITHDRAW', on: '2024-03-04' }, clerk);
    const open = await register(a, 'C-2', '2024-03-01');
    const before = (
      await ds.query('SELECT answer_due_on::text AS d FROM cases WHERE id = $1', [open])
    )[0].d;
    // 2024 with one more day off inside the answer period.
    const y2024 = present(
      WorkingDayCalendar.withDefaults()
        .arrangements()
        .find((y) => y.year === 2024),
    );
    await ds.query(
      `INSERT INTO calendar_years (year, arrangement) VALUES (2024, $1::jsonb)
       ON CONFLICT (year) DO UPDATE SET arrangement = EXCLUDED.arrangement, loaded_at = now()`,
      [JSON.stringify({ ...y2024, holidays: [...y2024.holidays, '2024-03-13'] })],
    );
    service.calendars.invalidate();
    expect(await service.recomputeDeadlines(open, clerk, '测试：载入2024年日历')).toBe(true);
    const after = (
      await ds.query('SELECT answer_due_on::text AS d FROM cases WHERE id = $1', [open])
    )[0].d;
    expect(after).not.toBe(before);
    await service.apply(open, { type: 'ACCEPT', on: '2024-03-04' }, clerk);
    expect((await audit(a)).findings).toEqual([]);
  });

  it('nightly: signs a clean agency, and raises 督办 to auditors and admins of a tampered one', async () => {
    const a = await agency();
    const id = await servedCase(a, 'N-1');
    const users = ds.getRepository(UserEntity);
    const staff = await Promise.all(
      (['auditor', 'admin', 'clerk'] as const).map((role) =>
        users.save(
          users.create({
            username: `journal-${role}-${randomUUID().slice(0, 8)}`,
            displayName: role,
            passwordHash: 'not-a-hash',
            roles: [role],
            agencyId: a.id,
            subtreeScope: false,
          }),
        ),
      ),
    );
    const nightly = new CheckJournalNightlyUseCase(ds, clock, () => key);
    const [clean] = await nightly.execute({ agencyIds: [a.id] });
    expect(clean).toMatchObject({ ok: true, alertsRaised: 0, casesChecked: 1 });
    expect(clean.checkpointId).not.toBeNull();

    await asSuperuser(ds, async (m) => {
      await m.query('DELETE FROM case_events WHERE case_id = $1 AND seq = 5', [id]);
      await m.query('UPDATE cases SET version = 4 WHERE id = $1', [id]);
    });
    const [failed] = await nightly.execute({ agencyIds: [a.id] });
    expect(failed).toMatchObject({ ok: false, checkpointId: null, alertsRaised: 2 });
    const alerts = (await ds.query(
      `SELECT user_id, case_id, title, body FROM notifications WHERE kind = 'journal_failed' AND agency_id = $1`,
      [a.id],
    )) as { user_id: string; case_id: string; title: string; body: string }[];
    expect(alerts.map((n) => n.user_id).sort()).toEqual([staff[0].id, staff[1].id].sort());
    expect(alerts[0]).toMatchObject({
      case_id: id,
      title: expect.stringContaining('日志校验未通过'),
    });
    expect(alerts[0].body).toContain('N-1');
    // A retried job the same night adds nothing.
    expect((await nightly.execute({ agencyIds: [a.id] }))[0].alertsRaised).toBe(0);
  });
});

import type { DataSource } from 'typeorm';
import { openTestDatabase, seedAgency } from '@gongkai/persistence/testing';
import {
  CaseEntity,
  CaseEventEntity,
  verifyAgencyJournal,
  writeReplayedCases,
  type RegisterCaseInput,
} from '@gongkai/persistence';
import { CaseTransitionService } from '../cases/case-transition.service';
import { replayLedgerCase, sharedInitialSnapshots, type ReplayStep } from './replay-ledger-case';

const clerk = { id: 'system', role: 'clerk' } as const;
const STEPS: ReplayStep[] = [
  { event: { type: 'ACCEPT', on: '2024-03-04' }, actor: clerk },
  {
    event: { type: 'START_CONSULTATION', on: '2024-03-05', party: 'third_party' },
    actor: clerk,
  },
  { event: { type: 'CONSULTATION_REPLIED', on: '2024-03-12' }, actor: clerk },
  {
    event: {
      type: 'DRAFT_DECISION',
      on: '2024-04-20',
      outcome: 'partially_disclosed',
      reasons: '涉及第三方商业秘密的部分不予公开',
      basis: '《中华人民共和国政府信息公开条例》第十五条',
    },
    actor: clerk,
  },
  // Approved late: the effect (decided_late) is journaled as apply() journals it.
  {
    event: { type: 'APPROVE_DECISION', on: '2024-04-20' },
    actor: { id: 'system', role: 'leader' },
  },
  {
    event: { type: 'RECORD_SERVICE', on: '2024-04-22', method: 'post', servedOn: '2024-04-22' },
    actor: clerk,
  },
];

const input = (agencyId: string): RegisterCaseInput & { ref: string; approvalSteps: number } => ({
  agencyId,
  ref: 'R-1',
  receivedOn: '2024-03-04',
  channel: 'post',
  applicant: { category: 'commercial_enterprise', name: '某公司' },
  request: ' 某项目批复 ',
  origin: 'import',
  approvalSteps: 1,
});

const CASE_COLUMNS = `ref, received_on::text, channel, applicant_category, applicant_name, request_text,
  origin, machine_id, machine_version, snapshot, state, fee_state, extension_state, closed, outcome,
  decided_on::text, served_on::text, flags, deadlines, answer_due_on::text, next_due_on::text, version`;
const JOURNAL_COLUMNS = `seq, type, machine_event, payload, actor_id, actor_role, occurred_on::text,
  basis, state_after`;

describe('replayed cases', () => {
  let ds: DataSource;
  let transitions: CaseTransitionService;

  beforeAll(async () => {
    ds = await openTestDatabase();
    transitions = new CaseTransitionService(ds, { today: () => '2025-01-15' });
  });
  afterAll(() => ds.destroy());

  it('write the same case row and journal as register() and one apply() per step', async () => {
    const stepwise = await seedAgency(ds, 'stepwise');
    const replayedAgency = await seedAgency(ds, 'replayed');
    await ds.transaction(async (m) => {
      const { case: c } = await transitions.register(input(stepwise.id), clerk, { manager: m });
      for (const { event, actor } of STEPS) {
        await transitions.apply(c.id, event, actor, undefined, { manager: m });
      }
    });
    const calendar = await transitions.calendar();
    const result = replayLedgerCase(transitions, input(replayedAgency.id), STEPS, calendar, clerk);
    if (!result.ok) throw new Error(result.message);
    await ds.transaction((m) => writeReplayedCases(m, [result.replayed]));

    const read = async (agencyId: string) => ({
      row: await ds.query(`SELECT ${CASE_COLUMNS} FROM cases WHERE agency_id = $1`, [agencyId]),
      journal: await ds.query(
        `SELECT ${JOURNAL_COLUMNS} FROM case_events WHERE agency_id = $1 ORDER BY seq`,
        [agencyId],
      ),
    });
    const expected = await read(stepwise.id);
    expect(expected.journal).toHaveLength(STEPS.length + 1);
    expect(expected.journal.at(-2).payload.effects).toEqual([
      expect.objectContaining({ code: 'decided_late' }),
      expect.objectContaining({ code: 'closed' }),
    ]);
    expect(await read(replayedAgency.id)).toEqual(expected);
    expect((await verifyAgencyJournal(ds.manager, [replayedAgency.id])).ok).toBe(true);
  });

  it('refuses a step the machine refuses, naming it, and a registration the service refuses', async () => {
    const agency = await seedAgency(ds, 'replay-refused');
    const calendar = await transitions.calendar();
    const refused = replayLedgerCase(
      transitions,
      input(agency.id),
      [{ event: { type: 'FEE_PAID', on: '2024-03-05' }, actor: clerk }],
      calendar,
      clerk,
    );
    expect(refused).toMatchObject({ ok: false, step: { type: 'FEE_PAID', on: '2024-03-05' } });
    const future = replayLedgerCase(
      transitions,
      { ...input(agency.id), receivedOn: '2025-02-01' },
      [],
      calendar,
      clerk,
    );
    expect(future).toMatchObject({ ok: false, message: expect.stringContaining('不能晚于今天') });
  });

  // COPY's text format gives tab, newline, CR and backslash a meaning, and `\N` reads as NULL.
  const TRICKY = '张\t"三"\n李\r四 \\N \\. C:\\目录\\ \'引号\' 😀';

  it('write tricky text, nulls, jsonb and timestamps back exactly as they were replayed', async () => {
    const agency = await seedAgency(ds, 'replay-copy');
    const calendar = await transitions.calendar();
    const tricky = {
      ...input(agency.id),
      ref: `R-\t${TRICKY}`,
      applicant: { category: 'commercial_enterprise' as const, name: TRICKY },
      request: TRICKY,
    };
    const untitled = {
      ...input(agency.id),
      ref: 'R-2',
      applicant: { category: 'natural_person' as const },
    };
    const replayed = [tricky, untitled].map((i) => {
      const result = replayLedgerCase(transitions, i, STEPS, calendar, clerk);
      if (!result.ok) throw new Error(result.message);
      return result.replayed;
    });
    await ds.transaction((m) => writeReplayedCases(m, replayed));

    for (const { row, journal } of replayed) {
      expect(await ds.getRepository(CaseEntity).findOneByOrFail({ id: row.id })).toEqual(row);
      const stored = await ds
        .getRepository(CaseEventEntity)
        .find({ where: { caseId: row.id }, order: { seq: 'ASC' } });
      expect(stored.map(({ id: _, ...fields }) => fields)).toEqual(journal);
    }
    const [first] = replayed;
    expect(first.row).toMatchObject({ applicantName: TRICKY, requestText: TRICKY });
    expect(first.journal[0].payload).toMatchObject({ applicantName: TRICKY, request: TRICKY });
    expect(replayed[1].row).toMatchObject({ applicantName: null, applicantIdentityCipher: null });
    expect((await verifyAgencyJournal(ds.manager, [agency.id])).ok).toBe(true);
  });

  it('leave nothing when PostgreSQL refuses a copied row, and write only inside a transaction', async () => {
    const agency = await seedAgency(ds, 'replay-copy-refused');
    const calendar = await transitions.calendar();
    const replay = (ref: string, request?: string) => {
      const result = replayLedgerCase(
        transitions,
        { ...input(agency.id), ref, request },
        STEPS,
        calendar,
        clerk,
      );
      if (!result.ok) throw new Error(result.message);
      return result.replayed;
    };
    const first = replay('R-1');
    // The second row is refused while megabytes of the batch are still on their way.
    const rest = Array.from({ length: 300 }, (_, i) => replay(`R-${i + 2}`, '长'.repeat(4000)));
    await expect(
      ds.transaction((m) => writeReplayedCases(m, [first, first, ...rest])),
    ).rejects.toThrow(/duplicate key/);
    await expect(writeReplayedCases(ds.manager, [first])).rejects.toThrow(/transaction/);
    const count = await ds.query('SELECT count(*)::int AS n FROM cases WHERE agency_id = $1', [
      agency.id,
    ]);
    expect(count).toEqual([{ n: 0 }]);
  });

  it('start the lines received on one day from one frozen initial snapshot, with the same result', async () => {
    const agency = await seedAgency(ds, 'replay-shared');
    const calendar = await transitions.calendar();
    const shared = sharedInitialSnapshots(calendar);
    // What differs between two cases anyway: ids, codes, times, the ref, and so the hashes.
    const omit = (o: object, keys: string[]) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
    const replay = (ref: string, initial?: typeof shared) => {
      const result = replayLedgerCase(
        transitions,
        { ...input(agency.id), ref },
        STEPS,
        calendar,
        clerk,
        initial,
      );
      if (!result.ok) throw new Error(result.message);
      return {
        row: omit(result.replayed.row, ['id', 'ref', 'queryCode', 'createdAt', 'updatedAt']),
        journal: result.replayed.journal.map((j) => ({
          ...omit(j, ['caseId', 'recordedAt', 'prevHash', 'hash']),
          payload: omit(j.payload, ['ref']),
        })),
      };
    };
    const alone = replay('S-1');
    const receivedOn = input(agency.id).receivedOn;
    expect(replay('S-2', shared)).toEqual(alone);
    expect(replay('S-3', shared)).toEqual(alone);
    expect(shared(receivedOn, 1)).toBe(shared(receivedOn, 1));
    expect(Object.isFrozen(shared(receivedOn, 1).context)).toBe(true);
  });
});

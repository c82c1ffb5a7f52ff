import type { DataSource } from 'typeorm';
import { type LocalDate } from '@gongkai/domain';
import {
  type AgencyEntity,
  type UserEntity,
  raiseAlerts,
  type AlertMailer,
  SYSTEM_ACTOR,
} from '@gongkai/persistence';
import { openTestDatabase, seedAgency, seedUser } from '@gongkai/persistence/testing';
import { CaseTransitionService } from '../cases/case-transition.service';

const NOW = new Date('2025-03-25T16:05:00Z'); // 2025-03-26 00:05 in Shanghai

describe('daily alerts on PostgreSQL', () => {
  let ds: DataSource;
  let agency: AgencyEntity;
  let clerkA: UserEntity;
  let clerkB: UserEntity;
  let leader: UserEntity;
  let auditor: UserEntity;
  let service: CaseTransitionService;
  const sent: { to: string; subject: string; text: string }[] = [];
  const mailer: AlertMailer = { send: async (m) => void sent.push(m) };

  beforeAll(async () => {
    ds = await openTestDatabase();
    agency = await seedAgency(ds, 'alerts');
    clerkA = await seedUser(ds, agency, ['clerk']);
    clerkB = await seedUser(ds, agency, ['clerk']);
    leader = await seedUser(ds, agency, ['leader']);
    auditor = await seedUser(ds, agency, ['auditor']);
    await ds.query('UPDATE users SET email = $2 WHERE id = $1', [
      leader.id,
      'leader@example.gov.cn',
    ]);
    service = new CaseTransitionService(ds, { today: () => '2025-03-26' });
  });
  afterAll(() => ds.destroy());

  const register = async (receivedOn: LocalDate, assignedClerkId: string | null = null) =>
    (
      await service.register(
        {
          agencyId: agency.id,
          receivedOn,
          channel: 'online',
          applicant: { category: 'natural_person', name: '赵六' },
          assignedClerkId,
        },
        SYSTEM_ACTOR,
      )
    ).case;
  const run = (today: LocalDate, mail: AlertMailer | null = mailer) =>
    raiseAlerts(ds, { today, now: NOW, mailer: mail, agencyIds: [agency.id] });
  const notifications = async () =>
    (await ds.query(
      `SELECT user_id, case_id, kind, due_on::text AS due_on, emailed_at IS NOT NULL AS emailed
         FROM notifications WHERE agency_id = $1 ORDER BY kind, case_id, user_id`,
      [agency.id],
    )) as { user_id: string; case_id: string; kind: string; due_on: string; emailed: boolean }[];

  it('alerts the responsible clerk and the leaders once, and e-mails those with an address', async () => {
    const assigned = await register('2025-03-03', clerkA.id);
    const unassigned = await register('2025-03-03');
    const newcomer = await register('2025-03-18');
    const quiet = await register('2025-03-24');
    expect(assigned.answerDueOn).toBe('2025-03-31');
    expect(newcomer.deadlines.supplementNotice.dueOn).toBe('2025-03-27');

    const first = await run('2025-03-26');
    expect(first.byKind).toEqual({
      answer_due_soon: 5,
      answer_overdue: 0,
      supplement_notice_due: 3,
    });
    const rows = await notifications();
    const recipientsOf = (caseId: string) =>
      rows
        .filter((r) => r.case_id === caseId)
        .map((r) => r.user_id)
        .sort();
    expect(recipientsOf(assigned.id)).toEqual([clerkA.id, leader.id].sort());
    expect(recipientsOf(unassigned.id)).toEqual([clerkA.id, clerkB.id, leader.id].sort());
    expect(recipientsOf(newcomer.id)).toEqual([clerkA.id, clerkB.id, leader.id].sort());
    expect(recipientsOf(quiet.id)).toEqual([]);
    expect(rows.some((r) => r.user_id === auditor.id)).toBe(false);
    // Only the leader has an e-mail address.
    expect(first.emailed).toBe(3);
    expect(sent.map((m) => m.to)).toEqual(Array(3).fill('leader@example.gov.cn'));
    expect(sent[0].subject).toContain('【政务公开预警】');

    // The same day again, or a retried job: nothing new, nothing e-mailed twice.
    const again = await run('2025-03-26');
    expect(again.created).toBe(0);
    expect(again.emailed).toBe(0);
    expect(await notifications()).toHaveLength(rows.length);

    // The next day the due-soon alerts are already there; after the due date comes the overdue one.
    expect((await run('2025-03-27')).created).toBe(0);
    const overdue = await run('2025-04-01');
    expect(overdue.byKind.answer_overdue).toBe(5);
    expect((await run('2025-04-02')).created).toBe(0);
  });

  it('keeps an alert whose e-mail failed, and sends it on the next run', async () => {
    const other = await seedAgency(ds, 'alerts-mail');
    const boss = await seedUser(ds, other, ['leader']);
    await ds.query('UPDATE users SET email = $2 WHERE id = $1', [boss.id, 'boss@example.gov.cn']);
    const s = new CaseTransitionService(ds, { today: () => '2025-03-26' });
    await s.register(
      {
        agencyId: other.id,
        receivedOn: '2025-03-03',
        channel: 'in_person',
        applicant: { category: 'natural_person', name: '钱七' },
      },
      SYSTEM_ACTOR,
    );
    const down: AlertMailer = {
      send: async () => {
        throw new Error('SMTP unreachable');
      },
    };
    const failed = await raiseAlerts(ds, {
      today: '2025-03-26',
      now: NOW,
      mailer: down,
      agencyIds: [other.id],
    });
    expect(failed).toMatchObject({ created: 1, emailed: 0, emailFailures: 1 });
    const box: string[] = [];
    const retried = await raiseAlerts(ds, {
      today: '2025-03-26',
      now: NOW,
      mailer: { send: async (m) => void box.push(m.to) },
      agencyIds: [other.id],
    });
    expect(retried).toMatchObject({ created: 0, emailed: 1 });
    expect(box).toEqual(['boss@example.gov.cn']);
  });
});

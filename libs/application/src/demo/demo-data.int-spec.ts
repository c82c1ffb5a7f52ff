import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  addDays,
  APPLICANT_CATEGORY_CODES,
  isOverdue,
  OPEN_STATES,
  yearOf,
  type ApplicantCategory,
  type LocalDate,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import {
  AgencyEntity,
  CaseEntity,
  createDataSource,
  DEMO_AGENCY_CODE,
  dropDatabase,
  migrate,
  seedDemoData,
  UserEntity,
} from '@gongkai/persistence';
import { CaseTransitionService } from '../cases/case-transition.service';

/** The most working days an open case of the demo may be overdue: days, never months. */
const MAX_OVERDUE_WORKING_DAYS = 10;

/**
 * What the name of an organisation counted in each column of section 三 ends with (codes.md):
 * written here, not taken from the seeder, so a 公益协会 filed as 科研机构 fails.
 */
const NAME_BY_CATEGORY: Record<Exclude<ApplicantCategory, 'natural_person'>, RegExp> = {
  commercial_enterprise: /(有限公司|有限责任公司|股份有限公司)$/,
  research_institution: /(研究所|研究院|研究中心)$/,
  social_welfare_org: /(协会|基金会)$/,
  legal_service_agency: /(律师事务所|法律服务所)$/,
  other_org: /委员会$/,
};

/** A database of the spec's own: the demo's agency code and usernames are fixed. */
function ownDatabaseUrl(): string {
  const base = new URL(process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/gongkai');
  base.pathname = `/gongkai_test_demo_${randomUUID().slice(0, 8)}`;
  return base.toString();
}

describe('the demo data', () => {
  const url = ownDatabaseUrl();
  // A fixed day, so the spec is deterministic; the seeder dates everything back from it.
  const today: LocalDate = '2026-11-20';
  let ds: DataSource;
  let calendar: WorkingDayCalendar;
  let cases: CaseEntity[];
  let summary: Awaited<ReturnType<typeof seedDemoData>>;

  beforeAll(async () => {
    await migrate(url);
    ds = await createDataSource(url).initialize();
    const transitions = new CaseTransitionService(ds, { today: () => today });
    calendar = await transitions.calendar();
    summary = await seedDemoData(ds, {
      // The accounts' hash is not under test; argon2 would only slow the spec down.
      hashPassword: async (p) => `plain:${p}`,
      today,
      transitions,
    });
    cases = await ds.getRepository(CaseEntity).find({ order: { receivedOn: 'ASC' } });
  });
  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(url);
  });

  it('creates the demo accounts and agencies the browser tests sign in with, once', async () => {
    expect(summary.created).toBe(true);
    expect(summary.cases).toBe(cases.length);
    const usernames = (await ds.getRepository(UserEntity).find()).map((u) => u.username);
    expect(usernames.sort()).toEqual(
      ['admin', 'auditor', 'clerk', 'clerk-jiaotong', 'leader', 'leader-jiaotong'].sort(),
    );
    const codes = (await ds.getRepository(AgencyEntity).find()).map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining([DEMO_AGENCY_CODE, 'pingtan-jiaotong']));
    // Its letters print a contact, not blanks.
    const district = await ds
      .getRepository(AgencyEntity)
      .findOneByOrFail({ code: DEMO_AGENCY_CODE });
    expect([district.address, district.phone, district.contact].every((v) => !!v?.trim())).toBe(
      true,
    );
    const again = await seedDemoData(ds, {
      hashPassword: async (p) => p,
      today,
      transitions: new CaseTransitionService(ds, { today: () => today }),
    });
    expect(again.created).toBe(false);
  });

  it('lies in the twelve months before today, the earlier years left empty', () => {
    expect(cases[0].receivedOn >= addDays(today, -364)).toBe(true);
    expect(cases[cases.length - 1].receivedOn <= today).toBe(true);
  });

  it('has a few open cases overdue, each by days, not months', () => {
    const overdue = cases.filter((c) => isOverdue(c, today));
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThanOrEqual(10);
    for (const c of overdue) {
      const late = calendar.workingDaysBetween(c.answerDueOn ?? today, today).count;
      expect({ ref: c.ref, late: late <= MAX_OVERDUE_WORKING_DAYS }).toEqual({
        ref: c.ref,
        late: true,
      });
    }
  });

  it('has every open state on the desk today', () => {
    const open = new Set(cases.filter((c) => !c.closed).map((c) => c.state));
    for (const state of OPEN_STATES) {
      expect([state, open.has(state)]).toEqual([state, true]);
    }
    expect(cases.some((c) => !c.closed && c.extensionState === 'requested')).toBe(true);
    expect(cases.some((c) => c.state === 'awaitingService' && !c.servedOn)).toBe(true);
  });

  it('names every organisation as its applicant category says, and every category appears', () => {
    const organisations = cases.filter((c) => c.applicantCategory !== 'natural_person');
    for (const c of organisations) {
      const pattern = NAME_BY_CATEGORY[c.applicantCategory as keyof typeof NAME_BY_CATEGORY];
      expect([c.applicantCategory, c.applicantName, pattern.test(c.applicantName ?? '')]).toEqual([
        c.applicantCategory,
        c.applicantName,
        true,
      ]);
    }
    const people = cases.filter((c) => c.applicantCategory === 'natural_person');
    for (const c of people) {
      const looksLikeOrganisation = Object.values(NAME_BY_CATEGORY).some((p) =>
        p.test(c.applicantName ?? ''),
      );
      expect([c.applicantName, looksLikeOrganisation]).toEqual([c.applicantName, false]);
    }
    expect(new Set(cases.map((c) => c.applicantCategory))).toEqual(
      new Set(APPLICANT_CATEGORY_CODES),
    );
  });

  it('numbers every case in its agency’s register, in the order received', () => {
    expect(cases.filter((c) => c.ref.includes('DEMO'))).toEqual([]);
    const registers = new Map<string, { n: number; receivedOn: LocalDate }[]>();
    for (const c of cases) {
      const match = /^(\d{4})-(\d{4})$/.exec(c.ref);
      expect([c.ref, match?.[1]]).toEqual([c.ref, String(yearOf(c.receivedOn))]);
      const key = `${c.agencyId}/${match?.[1]}`;
      registers.set(key, [
        ...(registers.get(key) ?? []),
        { n: Number(match?.[2]), receivedOn: c.receivedOn },
      ]);
    }
    for (const entries of registers.values()) {
      const byNumber = [...entries].sort((a, b) => a.n - b.n);
      expect(byNumber.map((e) => e.n)).toEqual(byNumber.map((_, k) => k + 1));
      const dates = byNumber.map((e) => e.receivedOn);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('receives unevenly by month: busy in spring and autumn, quiet around 春节', () => {
    // The twelve whole months before today's month.
    const counts = new Map<string, number>();
    const firstOfMonth = `${today.slice(0, 7)}-01`;
    for (const c of cases) {
      if (c.receivedOn >= firstOfMonth || c.receivedOn < addDays(today, -364)) continue;
      const month = c.receivedOn.slice(0, 7);
      counts.set(month, (counts.get(month) ?? 0) + 1);
    }
    const byMonth = (m: string) => counts.get(`${yearOf(today)}-${m}`) ?? 0;
    const volumes = [...counts.values()];
    const mean = volumes.reduce((a, b) => a + b, 0) / volumes.length;
    expect(Math.max(...volumes)).toBeGreaterThanOrEqual(2 * Math.min(...volumes));
    expect(byMonth('02')).toBeLessThan(mean);
    expect((byMonth('03') + byMonth('04')) / 2).toBeGreaterThan(1.5 * byMonth('02'));
  });
});

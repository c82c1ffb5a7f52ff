import type { DataSource } from 'typeorm';
import {
  addDays,
  AUTOMATIC_OUTCOMES,
  CHANNEL_CODES,
  FEE_PAYMENT_WORKING_DAYS,
  OUTCOME_CODES,
  yearOf,
  type ApplicantCategory,
  type LocalDate,
  type Outcome,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import { ensureAgency } from '../agencies/agency-tree';
import { demoDecision } from './demo-decisions';
import { CaseError } from '../cases/case-errors';
import {
  SYSTEM_ACTOR,
  type CaseEventInput,
  type CaseTransitions,
  type JournalActor,
} from '../cases/case-transitions.port';
import { AgencyEntity } from '../entities/agency.entity';
import { ApprovalPolicyEntity } from '../entities/approval-policy.entity';
import { ProceedingEntity } from '../entities/proceeding.entity';
import { Section2FiguresEntity } from '../entities/section2-figures.entity';
import { UserEntity, type UserRole } from '../entities/user.entity';

export const DEMO_AGENCY_CODE = 'pingtan';
export const DEMO_PASSWORD = 'Gongkai-demo-1';

export interface DemoSummary {
  created: boolean;
  agencies: number;
  users: string[];
  cases: number;
  events: number;
  proceedings: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so the demo is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '蔡', '杨', '郑', '许'];
const GIVEN = ['建华', '秀英', '志强', '丽娟', '海峰', '晓燕', '国庆', '明辉', '雪梅', '文杰'];

/** Organisations by the section 三 column they are counted in (codes.md): the name says which. */
export const DEMO_ORGANISATIONS: Readonly<
  Record<Exclude<ApplicantCategory, 'natural_person'>, readonly string[]>
> = {
  commercial_enterprise: [
    '平潭某建设工程有限公司',
    '福建某旅游开发有限公司',
    '平潭某海运有限公司',
    '福州某房地产开发有限公司',
  ],
  research_institution: ['某海洋研究所', '福建某大学海洋研究院', '某水产科学研究所'],
  social_welfare_org: ['平潭某公益协会', '某环境保护志愿者协会', '某慈善基金会'],
  legal_service_agency: ['福建某律师事务所', '平潭某律师事务所', '某法律服务所'],
  other_org: ['某村民委员会', '某小区业主委员会'],
};

/** Organisations applying, by how often each kind does: enterprises and law firms the most. */
const ORGANISATION_MIX: readonly Exclude<ApplicantCategory, 'natural_person'>[] = [
  'commercial_enterprise',
  'commercial_enterprise',
  'commercial_enterprise',
  'legal_service_agency',
  'legal_service_agency',
  'research_institution',
  'social_welfare_org',
  'other_org',
];

const REQUESTS = [
  '申请公开2024年某路段改造工程的立项批复及资金来源',
  '申请公开本人房屋所在地块的征收补偿方案',
  '申请公开某海域使用权出让的审批文件',
  '申请公开某小区规划许可证及总平面图',
  '申请公开某企业环境影响评价批复',
  '申请公开某项目的招投标文件及中标结果',
  '申请公开2023年财政预算执行情况中的某项支出明细',
  '申请公开对本人作出的行政处罚决定的案卷材料',
];

/**
 * Relative intake per working day by calendar month, January first: busy in spring and autumn,
 * quiet around 春节 (January–February, whose holidays the calendar removes as well), in the
 * summer and in the 国庆 month.
 */
const MONTH_WEIGHTS = [0.8, 0.55, 1.25, 1.3, 1.05, 1.1, 0.85, 0.75, 1.2, 0.8, 1.25, 1.0];

/**
 * Accepted cases nobody has answered yet, received this many working days before today: the
 * answer deadline (20 WD) is a few days ahead or a few days past — what a busy desk really has
 * overdue, never a case forgotten for months.
 */
const UNANSWERED_WINDOW = { from: 16, to: 25 } as const;

/** The demo district's letter contact (agency settings an administrator edits). */
const DEMO_LETTER_CONTACT = {
  address: '平潭综合实验区北部生态廊道政务服务中心3号楼',
  phone: '0591-23100000',
  contact: '政务公开办公室',
} as const;

/** Outcomes a clerk drafts (the automatic ones come from expiry events or withdrawal). */
const DRAFTABLE = OUTCOME_CODES.filter(
  (o) =>
    !(AUTOMATIC_OUTCOMES as readonly string[]).includes(o) &&
    o !== 'unavailable.unclear_after_supplement',
) as Outcome[];

/** Recent cases waiting in every open state, so each state is on the desk today. */
const WAITING: readonly (readonly [UserRole, CaseEventInput['type'], Record<string, unknown>])[][] =
  [
    [],
    [['clerk', 'REQUEST_SUPPLEMENT', { items: ['请提供身份证明'] }]],
    [
      ['clerk', 'ACCEPT', {}],
      ['clerk', 'START_CONSULTATION', { party: 'third_party' }],
    ],
    [
      ['clerk', 'ACCEPT', {}],
      ['clerk', 'SERVE_FEE_NOTICE', { standard: 'per_page', amountYuan: 50 }],
    ],
    // Machine v2: a fee notice served while a third party is consulted; both pauses run.
    [
      ['clerk', 'ACCEPT', {}],
      ['clerk', 'START_CONSULTATION', { party: 'third_party' }],
      ['clerk', 'SERVE_FEE_NOTICE', { standard: 'per_page', amountYuan: 30 }],
    ],
    [
      ['clerk', 'ACCEPT', {}],
      ['clerk', 'REQUEST_REASONS', {}],
    ],
    [
      ['clerk', 'ACCEPT', {}],
      ['clerk', 'DRAFT_DECISION', { outcome: 'disclosed' }],
    ],
    [
      ['clerk', 'ACCEPT', {}],
      ['clerk', 'REQUEST_EXTENSION', { workingDays: 10, reason: '需调取档案' }],
    ],
    [
      ['clerk', 'ACCEPT', {}],
      ['clerk', 'DRAFT_DECISION', demoDecision('partially_disclosed')],
      ['leader', 'APPROVE_DECISION', {}],
    ],
  ];

/**
 * The working days on which the desk received applications in the twelve months up to today,
 * drawn by MONTH_WEIGHTS, oldest first (so register numbers follow the dates, as in a real
 * register).
 */
function receiptDays(
  count: number,
  today: LocalDate,
  calendar: WorkingDayCalendar,
  rand: () => number,
): LocalDate[] {
  const days: LocalDate[] = [];
  const cumulative: number[] = [];
  let sum = 0;
  for (let back = 364; back >= 0; back--) {
    const day = addDays(today, -back);
    if (!calendar.isWorkingDay(day)) continue;
    sum += MONTH_WEIGHTS[Number(day.slice(5, 7)) - 1];
    days.push(day);
    cumulative.push(sum);
  }
  const drawn = Array.from({ length: count }, () => {
    const target = rand() * sum;
    const index = cumulative.findIndex((c) => c > target);
    return days[index < 0 ? days.length - 1 : index];
  });
  return drawn.sort();
}

/** The working day `n` working days before `today` (n = 0: today, or the last one before it). */
function workingDaysBefore(today: LocalDate, n: number, calendar: WorkingDayCalendar): LocalDate {
  let day = today;
  let left = n;
  while (!calendar.isWorkingDay(day) || left > 0) {
    if (calendar.isWorkingDay(day)) left--;
    day = addDays(day, -1);
  }
  return day;
}

/**
 * Creates, if absent, the demo agency tree, its users and a year of cases in every state and
 * outcome, all through the one transition path, dated back from `today` (so the demo reads the
 * same in any year). Does nothing when the demo agency exists.
 */
export async function seedDemoData(
  ds: DataSource,
  options: {
    hashPassword: (password: string) => Promise<string>;
    today: LocalDate;
    /** The transition path (@gongkai/application's CaseTransitionService) on `ds`, at `today`. */
    transitions: CaseTransitions;
    seed?: number;
    cases?: number;
  },
): Promise<DemoSummary> {
  const existing = await ds
    .getRepository(AgencyEntity)
    .findOne({ where: { code: DEMO_AGENCY_CODE } });
  if (existing)
    return { created: false, agencies: 0, users: [], cases: 0, events: 0, proceedings: 0 };

  const rand = random(options.seed ?? 20250101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const { today } = options;
  const { transitions } = options;
  const calendar = await transitions.calendar();
  const workingDayOnOrAfter = (d: LocalDate): LocalDate => {
    let day = d;
    while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  };
  const personName = () => `${pick(SURNAMES)}${pick(GIVEN)}`;

  const seeded = await ensureAgency(ds.manager, { code: DEMO_AGENCY_CODE, name: '平潭综合实验区' });
  const district = seeded.agency;
  // The letters print the agency's contact; a demo letter with blanks would look unfinished.
  if (seeded.created) {
    Object.assign(district, DEMO_LETTER_CONTACT);
    await ds.getRepository(AgencyEntity).update({ id: district.id }, DEMO_LETTER_CONTACT);
  }
  const departments = [
    (
      await ensureAgency(ds.manager, {
        code: 'pingtan-jiaotong',
        name: '平潭综合实验区交通与建设局',
        parentId: district.id,
      })
    ).agency,
    (
      await ensureAgency(ds.manager, {
        code: 'pingtan-ziranziyuan',
        name: '平潭综合实验区自然资源与生态环境局',
        parentId: district.id,
      })
    ).agency,
  ];
  await ds
    .getRepository(ApprovalPolicyEntity)
    .save({ agencyId: district.id, decisionSteps: 1, updatedBy: null });

  const hash = await options.hashPassword(DEMO_PASSWORD);
  const users = ds.getRepository(UserEntity);
  const made: Record<string, UserEntity> = {};
  const accounts: [string, string, UserRole[], string, boolean][] = [
    ['clerk', '林经办', ['clerk'], district.id, false],
    ['leader', '陈负责', ['leader'], district.id, false],
    ['auditor', '黄审计', ['auditor'], district.id, true],
    ['admin', '系统管理员', ['admin'], district.id, false],
    ['clerk-jiaotong', '交通局经办人', ['clerk'], departments[0].id, false],
    ['leader-jiaotong', '交通局负责人', ['leader'], departments[0].id, false],
  ];
  for (const [username, displayName, roles, agencyId, subtreeScope] of accounts) {
    const found = await users.findOne({ where: { username } });
    made[username] =
      found ??
      (await users.save(
        users.create({ username, displayName, passwordHash: hash, roles, agencyId, subtreeScope }),
      ));
  }

  const desks = [
    { agency: district, clerk: made['clerk'], leader: made['leader'], share: 0.8 },
    {
      agency: departments[0],
      clerk: made['clerk-jiaotong'],
      leader: made['leader-jiaotong'],
      share: 0.2,
    },
  ];
  type Desk = (typeof desks)[number];
  const total = Math.max(options.cases ?? 320, WAITING.length);
  let events = 0;
  const closedCases: { id: string; agencyId: string; decidedOn: LocalDate }[] = [];
  let draftIndex = 0;
  let unanswered = 0;

  // One register in date order: the year's cases and the ones waiting today, each numbered by
  // its agency's register (`YYYY-NNNN`) as a clerk registering it that day would be.
  const plan: { receivedOn: LocalDate; desk: Desk; waiting?: (typeof WAITING)[number] }[] = [
    ...receiptDays(total - WAITING.length, today, calendar, rand).map((receivedOn) => ({
      receivedOn,
      desk: rand() < desks[0].share ? desks[0] : desks[1],
    })),
    ...WAITING.map((waiting, k) => ({
      receivedOn: workingDaysBefore(today, 4 + k, calendar),
      desk: desks[0],
      waiting,
    })),
  ].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));

  const register = async (desk: Desk, receivedOn: LocalDate, person: boolean) => {
    const category: ApplicantCategory = person ? 'natural_person' : pick(ORGANISATION_MIX);
    const { case: c } = await transitions.register(
      {
        agencyId: desk.agency.id,
        receivedOn,
        channel: pick(CHANNEL_CODES),
        applicant: {
          category,
          name: category === 'natural_person' ? personName() : pick(DEMO_ORGANISATIONS[category]),
          phone: `13${Math.floor(rand() * 9) + 1}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
          identityNumber: person && rand() < 0.5 ? '35012819800101' + residentTail(rand) : null,
          contactPerson: person ? null : personName(),
        },
        request: pick(REQUESTS),
        requestedForm: pick(['纸质', '电子邮件', '光盘', '当场阅览']),
        assignedClerkId: desk.clerk.id,
        origin: 'demo',
      },
      { id: desk.clerk.id, role: 'clerk' },
    );
    events++;
    return c;
  };

  /** One case of the year, from its receipt as far as its story has got by today. */
  async function yearCase(
    desk: Desk,
    receivedOn: LocalDate,
    clerk: JournalActor,
    leader: JournalActor,
  ): Promise<void> {
    const c = await register(desk, receivedOn, rand() < 0.8);
    let day = receivedOn;
    let version = 1;
    const step = (min: number, max: number) => {
      day = workingDayOnOrAfter(addDays(day, min + Math.floor(rand() * (max - min + 1))));
      return day;
    };
    const send = async (actor: JournalActor, input: CaseEventInput): Promise<boolean> => {
      if (input.on > today) return false;
      try {
        const result = await transitions.apply(c.id, input, actor, version);
        version = result.case.version;
        events++;
        if (result.case.closed && result.case.decidedOn) {
          closedCases.push({ id: c.id, agencyId: c.agencyId, decidedOn: result.case.decidedOn });
        }
        return true;
      } catch (error) {
        if (error instanceof CaseError && error.kind === 'refused') return false;
        throw error;
      }
    };
    const ev = (
      type: CaseEventInput['type'],
      on: LocalDate,
      fields: Record<string, unknown> = {},
    ) => ({ type, on, ...fields }) as CaseEventInput;
    const serve = () =>
      send(
        clerk,
        ev('RECORD_SERVICE', step(0, 3), {
          method: pick(['post', 'in_person', 'electronic']),
          servedOn: day,
        }),
      );

    const decide = async (outcome: Outcome) => {
      if (rand() < 0.15) {
        // Art. 33: one extension, at most 20 WD, granted by a leader.
        if (
          !(await send(
            clerk,
            ev('REQUEST_EXTENSION', step(8, 14), {
              workingDays: 15,
              reason: '涉及多个部门，需进一步核查',
            }),
          ))
        )
          return;
        const granted = rand() < 0.85;
        if (
          !(await send(leader, ev(granted ? 'APPROVE_EXTENSION' : 'REFUSE_EXTENSION', step(0, 2))))
        )
          return;
      }
      if (!(await send(clerk, ev('DRAFT_DECISION', step(2, 8), demoDecision(outcome))))) return;
      if (rand() < 0.08) {
        if (!(await send(leader, ev('RETURN_DECISION', step(1, 2), { comment: '请补充法律依据' }))))
          return;
        if (!(await send(clerk, ev('DRAFT_DECISION', step(1, 3), demoDecision(outcome))))) return;
      }
      if (!(await send(leader, ev('APPROVE_DECISION', step(0, 3))))) return;
      await serve();
    };

    const nextOutcome = () => DRAFTABLE[draftIndex++ % DRAFTABLE.length];
    const waited = calendar.workingDaysBetween(receivedOn, today).count;
    if (
      waited >= UNANSWERED_WINDOW.from &&
      waited <= UNANSWERED_WINDOW.to &&
      unanswered++ % 2 === 0
    ) {
      // Accepted and not yet answered: due in a few days, or overdue by a few.
      await send(clerk, ev('ACCEPT', day));
      return;
    }
    const scenario = rand();
    if (scenario < 0.1) {
      // 补正 (Art. 30): answered, or deemed abandoned after its deadline.
      const dueOn = addDays(step(1, 4), 15);
      if (
        !(await send(
          clerk,
          ev('REQUEST_SUPPLEMENT', day, { dueOn, items: ['请明确所需信息的名称或文号'] }),
        ))
      )
        return;
      if (rand() < 0.6) {
        if (!(await send(clerk, ev('SUPPLEMENT_RECEIVED', step(3, 12))))) return;
        await decide(rand() < 0.4 ? 'unavailable.unclear_after_supplement' : nextOutcome());
      } else {
        await send(SYSTEM_ACTOR, ev('SUPPLEMENT_OVERDUE', addDays(dueOn, 1)));
      }
    } else if (scenario < 0.16) {
      // Fee notice (国办函〔2020〕109号): paid, or unpaid after 20 WD.
      if (!(await send(clerk, ev('ACCEPT', day)))) return;
      if (
        !(await send(
          clerk,
          ev('SERVE_FEE_NOTICE', step(3, 6), { standard: 'per_page', amountYuan: 100 }),
        ))
      )
        return;
      if (rand() < 0.5) {
        if (!(await send(clerk, ev('FEE_PAID', step(2, 8))))) return;
        await decide(nextOutcome());
      } else {
        const due = calendar.addWorkingDays(day, FEE_PAYMENT_WORKING_DAYS).dueOn;
        await send(SYSTEM_ACTOR, ev('FEE_OVERDUE', addDays(due, 1)));
      }
    } else if (scenario < 0.28) {
      // Third party or other agency consulted (Arts 32, 34).
      if (!(await send(clerk, ev('ACCEPT', day)))) return;
      if (
        !(await send(
          clerk,
          ev('START_CONSULTATION', step(2, 5), { party: pick(['third_party', 'other_agency']) }),
        ))
      )
        return;
      if (!(await send(clerk, ev('CONSULTATION_REPLIED', step(4, 12))))) return;
      await decide(rand() < 0.4 ? 'withheld.third_party_rights' : nextOutcome());
    } else if (scenario < 0.32) {
      // Art. 35: reasons requested and judged unreasonable; the decision is served as any other.
      if (!(await send(clerk, ev('ACCEPT', day)))) return;
      if (!(await send(clerk, ev('REQUEST_REASONS', step(2, 5))))) return;
      if (!(await send(clerk, ev('REASONS_JUDGED', step(5, 10), { reasonable: false })))) return;
      if (!(await send(leader, ev('APPROVE_DECISION', step(1, 2))))) return;
      await serve();
    } else if (scenario < 0.36) {
      if (!(await send(clerk, ev('ACCEPT', day)))) return;
      await send(clerk, ev('WITHDRAW', step(2, 10), { reason: '申请人书面申请撤回' }));
    } else {
      if (!(await send(clerk, ev('ACCEPT', step(0, 1))))) return;
      await decide(nextOutcome());
    }
  }

  for (const { receivedOn, desk, waiting } of plan) {
    const actors: Record<string, JournalActor> = {
      clerk: { id: desk.clerk.id, role: 'clerk' },
      leader: { id: desk.leader.id, role: 'leader' },
    };
    if (waiting) {
      const c = await register(desk, receivedOn, true);
      let version = 1;
      for (const [role, type, fields] of waiting) {
        const extra = type === 'REQUEST_SUPPLEMENT' ? { dueOn: addDays(today, 10) } : {};
        const result = await transitions.apply(
          c.id,
          { type, on: receivedOn, ...fields, ...extra } as CaseEventInput,
          actors[role],
          version,
        );
        version = result.case.version;
        events++;
      }
      continue;
    }
    await yearCase(desk, receivedOn, actors['clerk'], actors['leader']);
  }

  // Section 四: proceedings about some decided cases, some still pending.
  const proceedings = ds.getRepository(ProceedingEntity);
  let proceedingCount = 0;
  for (const c of closedCases.filter((_, k) => k % 25 === 3)) {
    const filedOn = addDays(c.decidedOn, 20 + Math.floor(rand() * 30));
    if (filedOn > today) continue;
    const concluded = addDays(filedOn, 60);
    const done = concluded <= today && rand() < 0.7;
    await proceedings.save({
      agencyId: c.agencyId,
      caseId: c.id,
      kind: pick([
        'reconsideration',
        'reconsideration',
        'litigation_direct',
        'litigation_after_reconsideration',
      ]),
      filedOn,
      result: done ? pick(['maintained', 'maintained', 'corrected', 'other']) : null,
      concludedOn: done ? concluded : null,
      note: null,
    });
    proceedingCount++;
  }

  // Section 二 for last year and this year (2021 format).
  for (const year of [yearOf(today) - 1, yearOf(today)]) {
    await ds.getRepository(Section2FiguresEntity).save({
      agencyId: district.id,
      year,
      format: '2021',
      figures: {
        rules: { issued: null, repealed: null, inForce: null },
        normativeDocuments: { issued: 12 + (year % 5), repealed: 3, inForce: 86 },
        licensing: { decisions: 1520 + (year % 7) * 13 },
        penalties: { decisions: 214 },
        enforcement: { decisions: 9 },
        fees: { amountWan: 36.5 },
      },
      updatedBy: made['clerk'].id,
    });
  }

  return {
    created: true,
    agencies: 1 + departments.length,
    users: accounts.map(([u]) => u),
    cases: total,
    events,
    proceedings: proceedingCount,
  };
}

/** The last four characters of a valid 身份证 number after a fixed 14-digit body. */
function residentTail(rand: () => number): string {
  const body = '35012819800101' + String(100 + Math.floor(rand() * 900));
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body.slice(14) + '10X98765432'[sum % 11];
}

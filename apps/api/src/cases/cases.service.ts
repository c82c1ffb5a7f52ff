import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  ApprovalItem,
  CaseDetailResponse,
  CaseEventResponse,
  CaseListItem,
  CaseListQuery,
  Page,
  ReassignCaseRequest,
  RegisterApplicationRequest,
  SendCaseEventBody,
  SendCaseEventRequest,
  TimelineEntry,
} from '@gongkai/contracts';
import { sendCaseEventSchema } from '@gongkai/contracts';
import { ZodValidationException } from 'nestjs-zod';
import {
  allowedEvents,
  EVENT_RULES,
  type ActorRole,
  type AllowedEvent,
  type ApplicantCategory,
  type CaseSnapshot,
  type Channel,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import {
  CaseEntity,
  CaseTransitionService,
  IdentityRevealEntity,
  isUuid,
  verifyAgencyJournal,
  verifyCaseJournal,
  type CaseEventInput,
  type JournalVerification,
} from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';
import { httpErrors, type CaseErrorFields } from './case-http-errors';
import {
  toCaseView,
  toListItem,
  toTimelineEntry,
  type AssigneeNames,
  type TimelineRow,
} from './case-view.mapper';

const SORT_COLUMNS: Record<CaseListQuery['sort'], string> = {
  receivedOn: 'c.received_on',
  answerDueOn: 'c.answer_due_on',
  nextDueOn: 'c.next_due_on',
  ref: 'c.ref',
  updatedAt: 'c.updated_at',
  decidedOn: 'c.decided_on',
};

const ACTING_ROLES: readonly ActorRole[] = ['clerk', 'leader'];

/** What a transition already holds for its response: no restore, no calendar or users query. */
interface KnownAfterTransition {
  readonly snapshot: CaseSnapshot;
  readonly calendar: WorkingDayCalendar;
  readonly assigneeName: string | null;
}

/** The registration form's fields behind the service's own refusals (see CaseErrorFields). */
const REGISTRATION_FIELDS: CaseErrorFields = {
  invalid_assignee: 'assigneeId',
  duplicate_ref: 'ref',
  future_date: 'receivedOn',
  invalid_phone: 'applicant.phone',
  invalid_identity_number: 'applicant.identityNumber',
  invalid_credit_code: 'applicant.creditCode',
  credit_code_for_natural_person: 'applicant.creditCode',
};

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitionService,
  ) {}

  /** A case in the user's read scope; any other id is a 404, never a 403. */
  async findInScope(user: SessionUser, id: string): Promise<CaseEntity> {
    const found = isUuid(id)
      ? await this.db.getRepository(CaseEntity).findOne({ where: { id } })
      : null;
    if (!found || !user.scopeAgencyIds.includes(found.agencyId)) {
      throw new NotFoundException({ message: '案件不存在', code: 'case_not_found' });
    }
    return found;
  }

  private async writable(user: SessionUser, id: string): Promise<CaseEntity> {
    const found = await this.findInScope(user, id);
    if (!user.writeAgencyIds.includes(found.agencyId)) {
      throw new ForbiddenException({ message: '您只能办理本机关的案件', code: 'read_only_scope' });
    }
    return found;
  }

  /** The events this user may send now: the union over its acting roles. */
  async allowedFor(
    user: SessionUser,
    c: CaseEntity,
    known?: KnownAfterTransition,
  ): Promise<AllowedEvent[]> {
    if (c.closed && c.state !== 'awaitingService') return [];
    if (!user.writeAgencyIds.includes(c.agencyId)) return [];
    const calendar = known?.calendar ?? (await this.transitions.calendar());
    const snapshot = known?.snapshot ?? this.transitions.restore(c, calendar);
    const today = this.transitions.currentDate();
    const seen = new Map<string, AllowedEvent>();
    for (const role of user.roles.filter((r) => ACTING_ROLES.includes(r)) as ActorRole[]) {
      for (const event of allowedEvents(snapshot, role, calendar, today)) {
        // A leader does not approve the same decision twice (the approval chain needs distinct leaders).
        if (
          event.type === 'APPROVE_DECISION' &&
          c.snapshot.context.draft?.approvals.some((a) => a.by === user.id)
        )
          continue;
        seen.set(event.type, event);
      }
    }
    return [...seen.values()];
  }

  private async detailOf(
    user: SessionUser,
    c: CaseEntity,
    known?: KnownAfterTransition,
  ): Promise<CaseDetailResponse> {
    const clock = {
      today: this.transitions.currentDate(),
      calendar: known?.calendar ?? (await this.transitions.calendar()),
    };
    const names: AssigneeNames =
      known && c.assignedClerkId && known.assigneeName !== null
        ? new Map([[c.assignedClerkId, known.assigneeName]])
        : await this.assigneeNames([c]);
    return {
      case: toCaseView(c, clock, names),
      allowedEvents: await this.allowedFor(user, c, known),
    };
  }

  private async assigneeNames(rows: readonly CaseEntity[]): Promise<AssigneeNames> {
    const ids = [...new Set(rows.map((r) => r.assignedClerkId).filter((id) => id !== null))];
    if (!ids.length) return new Map();
    const users = (await this.db.query(
      'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    )) as { id: string; display_name: string }[];
    return new Map(users.map((u) => [u.id, u.display_name]));
  }

  async register(user: SessionUser, body: RegisterApplicationRequest): Promise<CaseDetailResponse> {
    const agencyId = body.agencyId ?? user.agencyId;
    if (!user.writeAgencyIds.includes(agencyId)) {
      throw new ForbiddenException({ message: '您只能在本机关登记申请', code: 'read_only_scope' });
    }
    const { case: c } = await httpErrors(
      () =>
        this.transitions.register(
          {
            agencyId,
            ref: body.ref || null,
            receivedOn: body.receivedOn,
            channel: body.channel as Channel,
            applicant: {
              category: body.applicant.category as ApplicantCategory,
              name: body.applicant.name,
              phone: body.applicant.phone || null,
              email: body.applicant.email || null,
              address: body.applicant.address || null,
              identityNumber: body.applicant.identityNumber || null,
              creditCode: body.applicant.creditCode || null,
              contactPerson: body.applicant.contactPerson || null,
            },
            request: body.request,
            requestedForm: body.requestedForm || null,
            // The registering clerk keeps the case unless another clerk is named (checked: 422).
            assignedClerkId: body.assigneeId ?? (user.roles.includes('clerk') ? user.id : null),
          },
          { id: user.id, role: 'clerk' },
        ),
      REGISTRATION_FIELDS,
    );
    return this.detailOf(user, c);
  }

  async detail(user: SessionUser, id: string): Promise<CaseDetailResponse> {
    return this.detailOf(user, await this.findInScope(user, id));
  }

  async sendEvent(
    user: SessionUser,
    id: string,
    envelope: SendCaseEventBody,
  ): Promise<CaseEventResponse> {
    // The read before the locked one only tells a supervisor's readable-but-not-writable case
    // (403) from an unknown one (404); for everyone else the locked read in apply() decides.
    if (user.scopeAgencyIds.some((a) => !user.writeAgencyIds.includes(a))) {
      await this.writable(user, id);
    }
    const parsed = sendCaseEventSchema.safeParse(envelope);
    if (!parsed.success) throw new ZodValidationException(parsed.error);
    const body: SendCaseEventRequest = parsed.data;
    const rules = EVENT_RULES[body.type].roles as readonly ActorRole[];
    // The user acts in the role the event needs, when it has it; otherwise the machine refuses.
    const role =
      (user.roles.find((r) => rules.includes(r)) as ActorRole | undefined) ??
      (user.roles.find((r) => ACTING_ROLES.includes(r)) as ActorRole | undefined) ??
      'clerk';
    const input = { type: body.type, ...body.payload } as CaseEventInput;
    const result = await httpErrors(() =>
      this.transitions.apply(id, input, { id: user.id, role }, body.expectedVersion, {
        agencyIds: user.writeAgencyIds,
      }),
    );
    // The view and the allowed events come from what the transition holds (the new snapshot, its
    // calendar, the 经办人's name read with the locked row), not from a second restore and query.
    const known =
      result.snapshot && result.calendar && result.assigneeName !== undefined
        ? {
            snapshot: result.snapshot,
            calendar: result.calendar,
            assigneeName: result.assigneeName,
          }
        : undefined;
    return { ...(await this.detailOf(user, result.case, known)), effects: [...result.effects] };
  }

  /** 改派: a leader or administrator of the case's agency hands it to another of its clerks. */
  async reassign(
    user: SessionUser,
    id: string,
    body: ReassignCaseRequest,
  ): Promise<CaseDetailResponse> {
    if (user.scopeAgencyIds.some((a) => !user.writeAgencyIds.includes(a))) {
      await this.writable(user, id);
    }
    const role: ActorRole = user.roles.includes('leader') ? 'leader' : 'admin';
    const result = await httpErrors(() =>
      this.transitions.reassign(
        id,
        { assigneeId: body.assigneeId, reason: body.reason },
        { id: user.id, role },
        body.expectedVersion,
        { agencyIds: user.writeAgencyIds },
      ),
    );
    return this.detailOf(user, result.case);
  }

  /**
   * The user's open cases, most urgent first: past the answer deadline, then by the next date
   * something falls due (the workbench's 我的待办).
   */
  async myOpenCases(user: SessionUser, limit: number): Promise<Page<CaseListItem>> {
    const today = this.transitions.currentDate();
    const [rows, total] = await this.db
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.agency_id = ANY(:agencies::uuid[])', { agencies: user.scopeAgencyIds })
      .andWhere('c.assigned_clerk_id = :me AND NOT c.closed', { me: user.id })
      .orderBy('coalesce(c.answer_due_on < :today, false)', 'DESC')
      .addOrderBy('c.next_due_on', 'ASC', 'NULLS LAST')
      .addOrderBy('c.answer_due_on', 'ASC', 'NULLS LAST')
      .addOrderBy('c.ref', 'ASC')
      .setParameter('today', today)
      .take(limit)
      .getManyAndCount();
    const clock = { today, calendar: await this.transitions.calendar() };
    const names = await this.assigneeNames(rows);
    return {
      items: rows.map((r) => toListItem(r, clock, names)),
      total,
      page: 1,
      pageSize: limit,
    };
  }

  async list(user: SessionUser, query: CaseListQuery): Promise<Page<CaseListItem>> {
    const today = this.transitions.currentDate();
    const agencies = query.agencyId
      ? user.scopeAgencyIds.filter((a) => a === query.agencyId)
      : user.scopeAgencyIds;
    const qb = this.db
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.agency_id = ANY(:agencies::uuid[])', { agencies });
    if (query.state === 'open') qb.andWhere('NOT c.closed');
    else if (query.state === 'closed') qb.andWhere('c.closed');
    // 待缴费 means every open case with an unpaid notice, also one that is consulting meanwhile.
    else if (query.state === 'awaitingFee')
      qb.andWhere(`NOT c.closed AND c.fee_state = 'awaiting'`);
    else if (query.state) qb.andWhere('c.state = :state', { state: query.state });
    if (query.due === 'overdue') {
      qb.andWhere('NOT c.closed AND c.answer_due_on < :today', { today });
    } else if (query.due === 'dueSoon') {
      const calendar = await this.transitions.calendar();
      const until = calendar.addWorkingDays(today, 5).dueOn;
      qb.andWhere('NOT c.closed AND c.answer_due_on BETWEEN :today AND :until', { today, until });
    }
    if (query.year) {
      qb.andWhere('c.received_on BETWEEN :from AND :to', {
        from: `${query.year}-01-01`,
        to: `${query.year}-12-31`,
      });
    }
    if (query.category)
      qb.andWhere('c.applicant_category = :category', { category: query.category });
    if (query.outcome) qb.andWhere('c.outcome = :outcome', { outcome: query.outcome });
    if (query.assignee === 'none') qb.andWhere('c.assigned_clerk_id IS NULL');
    else if (query.assignee) {
      qb.andWhere('c.assigned_clerk_id = :assignee', {
        assignee: query.assignee === 'me' ? user.id : query.assignee,
      });
    }
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      qb.andWhere(
        '(c.ref ILIKE :like OR c.applicant_name ILIKE :like OR c.request_text ILIKE :like)',
        { like },
      );
    }
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    qb.orderBy(
      SORT_COLUMNS[query.sort],
      direction,
      direction === 'ASC' ? 'NULLS LAST' : 'NULLS LAST',
    )
      .addOrderBy('c.ref', direction)
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const clock = { today, calendar: await this.transitions.calendar() };
    const names = await this.assigneeNames(rows);
    return {
      items: rows.map((r) => toListItem(r, clock, names)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async timeline(user: SessionUser, id: string): Promise<TimelineEntry[]> {
    const c = await this.findInScope(user, id);
    const rows = (await this.db.query(
      `SELECT e.seq, e.type, e.machine_event, to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on,
              e.recorded_at, e.actor_id, e.actor_role, u.display_name, e.basis, e.state_after,
              e.payload, e.hash
         FROM case_events e LEFT JOIN users u ON u.id::text = e.actor_id
        WHERE e.case_id = $1 ORDER BY e.seq`,
      [c.id],
    )) as TimelineRow[];
    return rows.map(toTimelineEntry);
  }

  /** The full identity number, with a journal row naming who looked (DESIGN.md, Security). */
  async revealIdentity(user: SessionUser, id: string, reason: string | undefined) {
    const c = await this.findInScope(user, id);
    if (!c.applicantIdentityCipher) {
      throw new NotFoundException({ message: '本案未登记身份证号码', code: 'no_identity_number' });
    }
    const identityNumber = this.transitions.cipher.decrypt(c.applicantIdentityCipher);
    const reveal = await this.db.getRepository(IdentityRevealEntity).save({
      caseId: c.id,
      agencyId: c.agencyId,
      userId: user.id,
      reason: reason || null,
      revealedAt: new Date(),
    });
    return { identityNumber, revealedAt: reveal.revealedAt.toISOString() };
  }

  async verifyCase(user: SessionUser, id: string): Promise<JournalVerification> {
    const c = await this.findInScope(user, id);
    return verifyCaseJournal(this.db.manager, c.id);
  }

  async verifyAll(user: SessionUser, agencyId?: string): Promise<JournalVerification> {
    const agencies = agencyId
      ? user.scopeAgencyIds.filter((a) => a === agencyId)
      : user.scopeAgencyIds;
    return verifyAgencyJournal(this.db.manager, agencies);
  }

  /** Decisions and extensions of the leader's agencies waiting for this leader. */
  async approvals(user: SessionUser): Promise<ApprovalItem[]> {
    const rows = await this.db
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.agency_id = ANY(:agencies::uuid[])', { agencies: user.writeAgencyIds })
      .andWhere(
        `NOT c.closed AND (c.state = 'awaitingApproval' OR c.extension_state = 'requested')`,
      )
      .orderBy('c.answer_due_on', 'ASC', 'NULLS LAST')
      .addOrderBy('c.ref', 'ASC')
      .getMany();
    const items: ApprovalItem[] = [];
    for (const c of rows) {
      const context = c.snapshot.context;
      const base = {
        caseId: c.id,
        ref: c.ref,
        applicantName: c.applicantName,
        receivedOn: c.receivedOn,
        answerDueOn: c.answerDueOn,
        version: c.version,
      };
      const draft = context.draft;
      if (
        c.state === 'awaitingApproval' &&
        draft &&
        !draft.approvals.some((a) => a.by === user.id)
      ) {
        items.push({
          ...base,
          kind: 'decision',
          outcome: draft.outcome,
          step: draft.approvals.length + 1,
          steps: context.approvalSteps,
          workingDays: null,
          reason: draft.reasons ?? null,
          basis: draft.basis ?? null,
          requestedOn: draft.draftedOn,
        });
      }
      const extension = context.extension;
      if (c.extensionState === 'requested' && extension && extension.decision === null) {
        items.push({
          ...base,
          kind: 'extension',
          outcome: null,
          step: null,
          steps: null,
          workingDays: extension.workingDays,
          reason: extension.reason,
          requestedOn: extension.requestedOn,
        });
      }
    }
    return items;
  }
}

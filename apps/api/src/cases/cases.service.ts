import { ForbiddenException, Injectable } from '@nestjs/common';
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
import { caseEventCommandOf, sendCaseEventSchema } from '@gongkai/contracts';
import { ZodValidationException } from 'nestjs-zod';
import { actingRole, type ActorRole, type ApplicantCategory, type Channel } from '@gongkai/domain';
import { type CaseEntity, type JournalVerification } from '@gongkai/persistence';
import {
  CaseTimeline,
  CaseTransitionService,
  ListApprovals,
  ListCases,
  ListMyOpenCases,
  ReadCase,
  RevealIdentity,
  VerifyCaseJournal,
  type CaseDetail,
  type CasePage,
  type KnownAfterTransition,
} from '@gongkai/application';
import { type SessionUser } from '../auth/session-user';
import { httpErrors, type CaseErrorFields } from './case-http-errors';
import { toCaseView, toListItem, toTimelineEntry } from './case-view.mapper';

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

function toDetailResponse(detail: CaseDetail): CaseDetailResponse {
  return {
    case: toCaseView(detail.case, detail, detail.names),
    allowedEvents: detail.allowedEvents,
  };
}

function toPage(page: CasePage, pageNumber: number, pageSize: number): Page<CaseListItem> {
  return {
    items: page.rows.map((r) => toListItem(r, page, page.names)),
    total: page.total,
    page: pageNumber,
    pageSize,
  };
}

/**
 * The desk's case routes over the case use cases (@gongkai/application): each method calls one
 * and maps its result to the contracts' response; CaseErrors become their HTTP statuses.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly transitions: CaseTransitionService,
    private readonly cases: ReadCase,
    private readonly listCases: ListCases,
    private readonly myOpen: ListMyOpenCases,
    private readonly approvalQueue: ListApprovals,
    private readonly caseTimeline: CaseTimeline,
    private readonly reveal: RevealIdentity,
    private readonly verify: VerifyCaseJournal,
  ) {}

  /** A case in the user's read scope; any other id is a 404, never a 403. */
  findInScope(user: SessionUser, id: string): Promise<CaseEntity> {
    return httpErrors(() => this.cases.find(user, id));
  }

  private async writable(user: SessionUser, id: string): Promise<CaseEntity> {
    return httpErrors(() => this.cases.find(user, id, true));
  }

  private async detailOf(
    user: SessionUser,
    c: CaseEntity,
    known?: KnownAfterTransition,
  ): Promise<CaseDetailResponse> {
    return toDetailResponse(await this.cases.detailOf(user, c, known));
  }

  async register(user: SessionUser, body: RegisterApplicationRequest): Promise<CaseDetailResponse> {
    const agencyId = body.agencyId ?? user.agencyId;
    if (!user.writeAgencyIds.includes(agencyId)) {
      throw new ForbiddenException({ message: '您只能在本机关登记申请', code: 'read_only_scope' });
    }
    // Registration and its first view in one transaction: a view that cannot be computed rolls
    // the case back instead of leaving a committed case that no screen can show.
    return httpErrors(
      () =>
        this.transitions.runInTransaction(async (manager) => {
          const { case: c } = await this.transitions.register(
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
            { manager },
          );
          // The view reads through the registration's transaction (see ReadCase.detailOf).
          return toDetailResponse(await this.cases.detailOf(user, c, undefined, manager));
        }),
      REGISTRATION_FIELDS,
    );
  }

  async detail(user: SessionUser, id: string): Promise<CaseDetailResponse> {
    return toDetailResponse(await httpErrors(() => this.cases.execute(user, id)));
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
    // The user acts in the role the event needs, when it has it; otherwise the machine refuses.
    const role = actingRole(user.roles, body.type);
    const result = await httpErrors(() =>
      this.transitions.apply(
        id,
        caseEventCommandOf(body),
        { id: user.id, role },
        body.expectedVersion,
        {
          agencyIds: user.writeAgencyIds,
        },
      ),
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

  /** The user's open cases, most urgent first (the workbench's 我的待办). */
  async myOpenCases(user: SessionUser, limit: number): Promise<Page<CaseListItem>> {
    return toPage(await this.myOpen.execute(user, limit), 1, limit);
  }

  async list(user: SessionUser, query: CaseListQuery): Promise<Page<CaseListItem>> {
    const page = await httpErrors(() => this.listCases.execute(user, query));
    return toPage(page, query.page, query.pageSize);
  }

  async timeline(user: SessionUser, id: string): Promise<TimelineEntry[]> {
    const rows = await httpErrors(() => this.caseTimeline.execute(user, id));
    return rows.map(toTimelineEntry);
  }

  /** The full identity number, with a journal row naming who looked (DESIGN.md, Security). */
  revealIdentity(user: SessionUser, id: string, reason: string | undefined) {
    return httpErrors(() => this.reveal.execute(user, id, reason));
  }

  verifyCase(user: SessionUser, id: string): Promise<JournalVerification> {
    return httpErrors(() => this.verify.one(user, id));
  }

  verifyAll(user: SessionUser, agencyId?: string): Promise<JournalVerification> {
    return this.verify.all(user, agencyId);
  }

  /** Decisions and extensions of the leader's agencies waiting for this leader. */
  approvals(user: SessionUser): Promise<ApprovalItem[]> {
    return this.approvalQueue.execute(user);
  }
}

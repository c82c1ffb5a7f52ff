import type { EntityManager } from 'typeorm';
import type {
  ActorRole,
  ApplicantCategory,
  CaseEffect,
  CaseEventCommand,
  CaseSnapshot,
  Channel,
  LocalDate,
  WorkingDayCalendar,
} from '@gongkai/domain';
import type { CaseEntity, CaseOrigin } from '../entities/case.entity';
import type { CaseEventEntity } from '../entities/case-event.entity';

/**
 * The transition path as the code still in this library sees it (ledger import, demo data,
 * deadline sweeps, year close): implemented by @gongkai/application's CaseTransitionService and
 * passed in, because this library may not import the application layer.
 */

/** Who acts: a user id (or `system`) and the role the act is done in. */
export interface JournalActor {
  readonly id: string;
  readonly role: ActorRole;
}

export const SYSTEM_ACTOR: JournalActor = { id: 'system', role: 'system' };

/**
 * An event as a caller sends it: the domain's CaseEventCommand (a CaseEvent — its type, the legal
 * date and the type's own fields — without the actor, which the transition path sets).
 */
export type CaseEventInput = CaseEventCommand;

export interface RegisterCaseInput {
  readonly agencyId: string;
  /** The agency's register number; generated as `YYYY-NNNN` when absent. */
  readonly ref?: string | null;
  readonly receivedOn: LocalDate;
  readonly channel: Channel;
  readonly applicant: {
    readonly category: ApplicantCategory;
    readonly name?: string | null;
    readonly phone?: string | null;
    readonly email?: string | null;
    readonly address?: string | null;
    /** 公民身份号码; stored encrypted, shown masked. */
    readonly identityNumber?: string | null;
    /** 统一社会信用代码 of an organisation (GB 32100-2015); public, so stored in clear. */
    readonly creditCode?: string | null;
    /** 法定代表人或联系人 of an organisation. */
    readonly contactPerson?: string | null;
  };
  readonly request?: string | null;
  readonly requestedForm?: string | null;
  /** The 经办人; must be a clerk of `agencyId` (422 otherwise). */
  readonly assignedClerkId?: string | null;
  readonly origin?: CaseOrigin;
  /** Overrides the agency's approval policy (the importer takes historic approvals as one). */
  readonly approvalSteps?: number;
}

export interface TransitionOptions {
  /** Run inside the caller's transaction (the importer's all-or-nothing import). */
  readonly manager?: EntityManager;
  /** The agencies the caller may change; another agency's case is reported as not found. */
  readonly agencyIds?: readonly string[];
}

export interface TransitionResult {
  readonly case: CaseEntity;
  readonly event: CaseEventEntity;
  readonly effects: readonly CaseEffect[];
  /**
   * apply() only: the machine snapshot after the event and the calendar it ran on, so that a
   * caller can ask allowedEvents without restoring the snapshot again.
   */
  readonly snapshot?: CaseSnapshot;
  readonly calendar?: WorkingDayCalendar;
  /** apply() only: the display name of the case's 经办人, read with the locked row. */
  readonly assigneeName?: string | null;
}

export interface CaseTransitions {
  /** Today in Asia/Shanghai, by the injected clock. */
  currentDate(): LocalDate;
  calendar(manager?: EntityManager): Promise<WorkingDayCalendar>;
  /** The case's machine snapshot; a CaseError (refused, invalid_snapshot) when unreadable. */
  restore(row: CaseEntity, calendar: WorkingDayCalendar): CaseSnapshot;
  register(
    input: RegisterCaseInput,
    actor: JournalActor,
    options?: { manager?: EntityManager },
  ): Promise<TransitionResult>;
  apply(
    caseId: string,
    input: CaseEventInput,
    actor: JournalActor,
    expectedVersion?: number,
    options?: TransitionOptions,
  ): Promise<TransitionResult>;
}

import { randomUUID } from 'node:crypto';
import {
  CaseRunner,
  CASE_MACHINE_ID,
  CASE_MACHINE_VERSION,
  caseStatus,
  createCase,
  deriveDeadlines,
  futureDateRefusal,
  sharedInitialSnapshot,
  type CaseEventType,
  type CaseSnapshot,
  type LocalDate,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import {
  CaseEntity,
  CaseError,
  GENESIS_HASH,
  journalRow,
  type CaseEventInput,
  type JournalActor,
  type JournalEntry,
  type JournalFields,
  type RegisterCaseInput,
} from '@gongkai/persistence';
import { checkRegistration, generateQueryCode } from '../cases/case-registration';
import { snapshotChanges, snapshotColumns } from '../cases/case-transition.context';
import type { CaseTransitionService } from '../cases/case-transition.service';
import { withActor } from '../cases/apply-case-event.use-case';

/** One step of a history to replay, and who takes it. */
export interface ReplayStep {
  readonly event: CaseEventInput;
  readonly actor: JournalActor;
}

/** A case and its whole journal, as register() and apply() step by step would have written them. */
export interface ReplayedCase {
  readonly row: CaseEntity;
  readonly journal: readonly JournalFields[];
  readonly snapshot: CaseSnapshot;
}

export type ReplayResult =
  | { readonly ok: true; readonly replayed: ReplayedCase }
  | {
      readonly ok: false;
      readonly message: string;
      /** The refused step; absent when the registration itself was refused. */
      readonly step?: { readonly type: CaseEventType; readonly on: LocalDate };
    };

/** The machine's initial snapshot of a registration (createCase on the import's calendar). */
export type InitialSnapshot = (receivedOn: LocalDate, approvalSteps: number) => CaseSnapshot;

/**
 * The domain's `sharedInitialSnapshot` on the import's calendar: the many lines received on one
 * day start from one frozen snapshot. It was about a fifth of the replay's time.
 */
export function sharedInitialSnapshots(calendar: WorkingDayCalendar): InitialSnapshot {
  return (receivedOn, approvalSteps) =>
    sharedInitialSnapshot({ receivedOn, approvalSteps }, calendar);
}

/**
 * A registration and its history replayed in memory through the machine, with the same checks,
 * rows, versions (one per journal row) and hash chain as register() followed by one apply() per
 * step — without writing. The importer replays every line first (all or nothing), then writes
 * the replayed cases with writeReplayedCases(); a history imported this way verifies like one
 * typed in at the desk.
 */
export function replayLedgerCase(
  transitions: CaseTransitionService,
  input: RegisterCaseInput & { readonly ref: string; readonly approvalSteps: number },
  steps: readonly ReplayStep[],
  calendar: WorkingDayCalendar,
  registeredBy: JournalActor,
  initialSnapshot: InitialSnapshot = (receivedOn, approvalSteps) =>
    createCase({ receivedOn, approvalSteps }, calendar),
): ReplayResult {
  const today = transitions.currentDate();
  let facts: ReturnType<typeof checkRegistration>;
  try {
    facts = checkRegistration(input, today, () => transitions.cipher);
  } catch (error) {
    if (error instanceof CaseError) return { ok: false, message: error.message };
    throw error;
  }
  let snapshot = initialSnapshot(input.receivedOn, input.approvalSteps);
  const status = caseStatus(snapshot);
  const now = new Date();
  const requestText = input.request?.trim() || null;
  const origin = input.origin ?? 'desk';
  const row = Object.assign(new CaseEntity(), {
    id: randomUUID(),
    agencyId: input.agencyId,
    ref: input.ref,
    receivedOn: input.receivedOn,
    channel: input.channel,
    applicantCategory: input.applicant.category,
    ...facts,
    requestText,
    requestedForm: input.requestedForm?.trim() || null,
    origin,
    machineId: CASE_MACHINE_ID,
    machineVersion: CASE_MACHINE_VERSION,
    assignedClerkId: input.assignedClerkId ?? null,
    version: 1,
    queryCode: generateQueryCode(),
    createdAt: now,
    updatedAt: now,
  });
  const entries: JournalEntry[] = [
    {
      type: 'REGISTERED',
      machineEvent: false,
      payload: {
        ref: input.ref,
        receivedOn: input.receivedOn,
        channel: input.channel,
        applicantCategory: input.applicant.category,
        applicantName: facts.applicantName,
        identityNumberHint: facts.applicantIdentityHint,
        ...(facts.applicantCreditCode ? { applicantCreditCode: facts.applicantCreditCode } : {}),
        request: requestText,
        approvalSteps: input.approvalSteps,
        origin,
      },
      actor: registeredBy,
      occurredOn: input.receivedOn,
      basis: '第三十一条',
      stateAfter: status.state,
    },
  ];
  // One running actor for the whole history (CaseRunner: what applyCaseEvent answers, without
  // XState's throwaway actor per event); the deadlines are those of the last step's context.
  let runner: CaseRunner | null = null;
  for (const { event: input, actor } of steps) {
    const step = { type: input.type, on: input.on };
    // As apply(): no fact after today (the deadlines a clerk sets may be later).
    const future = futureDateRefusal(input, today);
    if (future) return { ok: false, step, message: future.message };
    const event = withActor(input, actor);
    runner ??= CaseRunner.from(snapshot, calendar);
    const result = runner.apply(event, calendar);
    if (!result.ok) return { ok: false, step, message: result.message };
    snapshot = result.snapshot;
    const { type, on, ...payload } = input;
    entries.push({
      type,
      machineEvent: true,
      payload: { ...payload, ...(result.effects.length ? { effects: result.effects } : {}) },
      actor,
      occurredOn: on,
      basis: result.basis,
      stateAfter: caseStatus(result.snapshot).state,
    });
  }
  // Only the state after the last step is stored: the registration's own snapshot and deadlines
  // (as register() writes them) are derived only when no step follows.
  if (runner) {
    Object.assign(
      row,
      snapshotChanges(row, snapshot, deriveDeadlines(snapshot.context, calendar)),
      {
        version: entries.length,
        updatedAt: now,
      },
    );
  } else {
    Object.assign(row, snapshotColumns(snapshot, deriveDeadlines(snapshot.context, calendar)));
  }
  let head = { seq: 0, hash: GENESIS_HASH };
  const journal = entries.map((entry) => {
    const { fields } = journalRow(row, entry, head);
    head = { seq: fields.seq, hash: fields.hash };
    return fields;
  });
  return { ok: true, replayed: { row, journal, snapshot } };
}

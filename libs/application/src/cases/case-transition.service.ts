import type { DataSource, EntityManager } from 'typeorm';
import {
  localDateInShanghai,
  type CaseSnapshot,
  type LocalDate,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import {
  CalendarSource,
  CaseTransitionRepository,
  identityCipherFromEnv,
  type CaseEntity,
  type CaseEventEntity,
  type CaseEventInput,
  type CaseTransitions,
  type IdentityCipher,
  type JournalActor,
  type RegisterCaseInput,
  type TransitionOptions,
  type TransitionResult,
} from '@gongkai/persistence';
import type { Clock } from '../common/clock';
import { AddCaseNote, type JournalNote } from './add-case-note.use-case';
import { ApplyCaseEvent } from './apply-case-event.use-case';
import { inTransaction, restoreCase, type CaseTransitionContext } from './case-transition.context';
import { PreviewCalendar, type DeadlineChangeScan } from './preview-calendar.use-case';
import { ReassignCase, type ReassignInput } from './reassign-case.use-case';
import { RecomputeDeadlines } from './recompute-deadlines.use-case';
import { RegisterCase } from './register-case.use-case';

export interface CaseTransitionOptions {
  readonly cipher?: IdentityCipher;
  /** "Today" in Asia/Shanghai; from `clock` when absent, else the system clock. */
  readonly today?: () => LocalDate;
  readonly clock?: Clock;
}

/**
 * The one path by which a case changes (style.md, "Where logic lives"): the case use cases on one
 * shared context (data source, calendar cache, repository, clock). The API, the importer, the
 * demo loader and the worker all go through it; each method is one use case.
 */
export class CaseTransitionService implements CaseTransitions {
  readonly calendars = new CalendarSource();
  readonly registerCase: RegisterCase;
  readonly applyEvent: ApplyCaseEvent;
  readonly reassignCase: ReassignCase;
  readonly addNote: AddCaseNote;
  readonly recompute: RecomputeDeadlines;
  readonly previewCalendar: PreviewCalendar;
  private readonly ctx: CaseTransitionContext;

  constructor(
    private readonly dataSource: DataSource,
    options: CaseTransitionOptions = {},
  ) {
    const clock = options.clock;
    const today =
      options.today ??
      (clock ? () => localDateInShanghai(clock.now()) : () => localDateInShanghai(new Date()));
    const cipherOverride = options.cipher;
    this.ctx = {
      dataSource,
      calendars: this.calendars,
      rows: new CaseTransitionRepository(),
      today,
      cipher: () => cipherOverride ?? identityCipherFromEnv(),
    };
    this.registerCase = new RegisterCase(this.ctx);
    this.applyEvent = new ApplyCaseEvent(this.ctx);
    this.reassignCase = new ReassignCase(this.ctx);
    this.addNote = new AddCaseNote(this.ctx);
    this.recompute = new RecomputeDeadlines(this.ctx);
    this.previewCalendar = new PreviewCalendar(this.ctx);
  }

  get cipher(): IdentityCipher {
    return this.ctx.cipher();
  }

  currentDate(): LocalDate {
    return this.ctx.today();
  }

  /**
   * One transaction around several steps of a caller (a registration and its first view): pass
   * the manager to each, and any failure rolls every step back.
   */
  runInTransaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.ctx, undefined, work);
  }

  calendar(manager: EntityManager = this.dataSource.manager): Promise<WorkingDayCalendar> {
    return this.calendars.get(manager);
  }

  restore(row: CaseEntity, calendar: WorkingDayCalendar): CaseSnapshot {
    return restoreCase(row, calendar);
  }

  register(
    input: RegisterCaseInput,
    actor: JournalActor,
    options: { manager?: EntityManager } = {},
  ): Promise<TransitionResult> {
    return this.registerCase.execute(input, actor, options);
  }

  apply(
    caseId: string,
    input: CaseEventInput,
    actor: JournalActor,
    expectedVersion?: number,
    options: TransitionOptions = {},
  ): Promise<TransitionResult> {
    return this.applyEvent.execute(caseId, input, actor, expectedVersion, options);
  }

  recomputeDeadlines(
    caseId: string,
    actor: JournalActor,
    reason: string,
    options: { manager?: EntityManager } = {},
  ): Promise<boolean> {
    return this.recompute.execute(caseId, actor, reason, options);
  }

  deadlineChanges(
    calendar: WorkingDayCalendar,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DeadlineChangeScan> {
    return this.previewCalendar.execute(calendar, manager);
  }

  reassign(
    caseId: string,
    input: ReassignInput,
    actor: JournalActor,
    expectedVersion?: number,
    options: TransitionOptions = {},
  ): Promise<TransitionResult> {
    return this.reassignCase.execute(caseId, input, actor, expectedVersion, options);
  }

  appendNote(
    caseId: string,
    note: JournalNote,
    actor: JournalActor,
    options: TransitionOptions = {},
  ): Promise<{ case: CaseEntity; event: CaseEventEntity }> {
    return this.addNote.execute(caseId, note, actor, options);
  }
}

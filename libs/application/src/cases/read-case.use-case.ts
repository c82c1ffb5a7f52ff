import type { DataSource, EntityManager } from 'typeorm';
import { allowedEvents, type AllowedEvent } from '@gongkai/domain';
import { CaseError, caseNotFound, CaseReadRepository, type CaseEntity } from '@gongkai/persistence';
import type { CaseTransitionService } from './case-transition.service';
import { type CaseClock, type CaseReader, type KnownAfterTransition } from './case-reader';
import { assigneeNamesOf } from './list-cases.use-case';

export interface CaseDetail extends CaseClock {
  readonly case: CaseEntity;
  readonly names: ReadonlyMap<string, string>;
  readonly allowedEvents: AllowedEvent[];
}

/**
 * A case in the reader's scope, with what the reader may do now. Any id outside the scope is
 * not found (404), never forbidden; `forWriting` tells a supervisor's read-only case (403).
 */
export class ReadCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionService,
  ) {}

  async find(reader: CaseReader, id: string, forWriting = false): Promise<CaseEntity> {
    const found = await new CaseReadRepository(this.dataSource.manager).findById(id);
    if (!found || !reader.scopeAgencyIds.includes(found.agencyId)) throw caseNotFound();
    if (forWriting && !reader.writeAgencyIds.includes(found.agencyId)) {
      throw new CaseError('forbidden', 'read_only_scope', '您只能办理本机关的案件');
    }
    return found;
  }

  async execute(reader: CaseReader, id: string): Promise<CaseDetail> {
    return this.detailOf(reader, await this.find(reader, id));
  }

  /**
   * The detail of a case just read or changed; `known` spares the restore and the queries. Inside
   * a transaction, pass its manager: a second pool connection asked for while the transaction
   * holds the agency's register lock can wait for ever once every connection is taken by
   * registrations queued on that lock.
   */
  async detailOf(
    reader: CaseReader,
    c: CaseEntity,
    known?: KnownAfterTransition,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseDetail> {
    const today = this.transitions.currentDate();
    const calendar = known?.calendar ?? (await this.transitions.calendar(manager));
    const names =
      known && c.assignedClerkId && known.assigneeName !== null
        ? new Map([[c.assignedClerkId, known.assigneeName]])
        : await assigneeNamesOf(new CaseReadRepository(manager), [c]);
    return {
      case: c,
      today,
      calendar,
      names,
      allowedEvents: this.allowedFor(reader, c, { calendar, snapshot: known?.snapshot }),
    };
  }

  /** The events this reader may send now, as the machine answers for this user (every acting role). */
  private allowedFor(
    reader: CaseReader,
    c: CaseEntity,
    known: Pick<CaseClock, 'calendar'> & { snapshot?: KnownAfterTransition['snapshot'] },
  ): AllowedEvent[] {
    if (!reader.writeAgencyIds.includes(c.agencyId)) return [];
    const snapshot = known.snapshot ?? this.transitions.restore(c, known.calendar);
    return allowedEvents(
      snapshot,
      { id: reader.id, roles: reader.roles },
      known.calendar,
      this.transitions.currentDate(),
    );
  }
}

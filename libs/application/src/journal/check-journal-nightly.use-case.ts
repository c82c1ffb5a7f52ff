import type { DataSource } from 'typeorm';
import { localDateInShanghai } from '@gongkai/domain';
import { raiseJournalAlert, type JournalSigningKey } from '@gongkai/persistence';
import type { Clock } from '../common/clock';
import { findingLine } from './journal-finding';
import { TakeCheckpointUseCase } from './take-checkpoint.use-case';
import { VerifyJournalUseCase } from './verify-journal.use-case';

/** Findings quoted in the alert's body; the desk's 日志校验 page lists them all. */
const FINDINGS_IN_ALERT = 20;

export interface AgencyJournalCheck {
  readonly agencyCode: string;
  readonly ok: boolean;
  readonly casesChecked: number;
  readonly eventsChecked: number;
  readonly findingCount: number;
  /** The checkpoint signed tonight; null when the verification failed. */
  readonly checkpointId: string | null;
  readonly alertsRaised: number;
}

/**
 * The nightly `journal.nightly` job: each agency is verified against its last checkpoint and,
 * when clean, signed again; when not, its auditors and administrators get a 督办 alert and no
 * checkpoint is taken (the findings stay findings until someone looks).
 */
export class CheckJournalNightlyUseCase {
  private readonly take: TakeCheckpointUseCase;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    signingKey: () => JournalSigningKey,
  ) {
    this.take = new TakeCheckpointUseCase(
      dataSource,
      clock,
      signingKey,
      new VerifyJournalUseCase(dataSource, clock),
    );
  }

  /** Every agency, or those given (tests, an operator's re-run). */
  async execute(command: { agencyIds?: readonly string[] } = {}): Promise<AgencyJournalCheck[]> {
    const agencies = (await this.dataSource.query(
      `SELECT id, code FROM agencies ${command.agencyIds ? 'WHERE id = ANY($1::uuid[])' : ''}
        ORDER BY code`,
      command.agencyIds ? [command.agencyIds] : [],
    )) as { id: string; code: string }[];
    const results: AgencyJournalCheck[] = [];
    for (const agency of agencies) {
      const { checkpoint, audit } = await this.take.execute({ agency });
      let alertsRaised = 0;
      if (!audit.ok) {
        const lines = audit.findings.slice(0, FINDINGS_IN_ALERT).map(findingLine);
        if (audit.findingCount > lines.length) {
          lines.push(`……共 ${audit.findingCount} 处，详见“审计—日志校验”`);
        }
        alertsRaised = await raiseJournalAlert(this.dataSource.manager, {
          agencyId: agency.id,
          caseIds: [...new Set(audit.findings.map((f) => f.caseId).filter(Boolean))],
          dueOn: localDateInShanghai(this.clock.now()),
          now: this.clock.now(),
          title: `日志校验未通过：发现 ${audit.findingCount} 处问题，请立即核查`,
          body: lines.join('\n'),
        });
      }
      results.push({
        agencyCode: agency.code,
        ok: audit.ok,
        casesChecked: audit.casesChecked,
        eventsChecked: audit.eventsChecked,
        findingCount: audit.findingCount,
        checkpointId: checkpoint?.id ?? null,
        alertsRaised,
      });
    }
    return results;
  }
}

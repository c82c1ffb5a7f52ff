import type { DataSource } from 'typeorm';
import {
  journalHeads,
  saveCheckpoint,
  signCheckpoint,
  type JournalCheckpoint,
  type JournalSigningKey,
} from '@gongkai/persistence';
import type { Clock } from '../common/clock';
import type { JournalAudit, VerifyJournalUseCase } from './verify-journal.use-case';

export interface TakeCheckpointCommand {
  /** One agency, or every agency when absent. */
  readonly agency?: { readonly id: string; readonly code: string };
}

export interface CheckpointTaken {
  /** Null when the verification found something: a tampered journal is never signed. */
  readonly checkpoint: JournalCheckpoint | null;
  readonly audit: JournalAudit;
}

/**
 * Signs the journal heads of an agency (or of all) and appends the checkpoint to its table —
 * after verifying them against the previous checkpoint, so that a rewrite is never made
 * legitimate by the next night's signature.
 */
export class TakeCheckpointUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly signingKey: () => JournalSigningKey,
    private readonly verify: VerifyJournalUseCase,
  ) {}

  async execute(command: TakeCheckpointCommand = {}): Promise<CheckpointTaken> {
    // Before anything else: with no key, there is nothing to do (and production says why).
    const key = this.signingKey();
    const agencyIds = command.agency ? [command.agency.id] : undefined;
    const audit = await this.verify.execute({ agencyIds, trustedFingerprint: key.fingerprint });
    if (!audit.ok) return { checkpoint: null, audit };
    const entries = await journalHeads(this.dataSource.manager, agencyIds);
    const signed = signCheckpoint(
      { agencyId: command.agency?.id ?? null, agencyCode: command.agency?.code ?? null },
      this.clock.now(),
      entries,
      key,
    );
    return { checkpoint: await saveCheckpoint(this.dataSource.manager, signed), audit };
  }
}

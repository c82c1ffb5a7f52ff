import type { DataSource } from 'typeorm';
import {
  checkpointById,
  recentCheckpoints,
  type CheckpointSummary,
  type JournalCheckpoint,
} from '@gongkai/persistence';

export type CheckpointListItem = Omit<CheckpointSummary, 'format' | 'signature' | 'id'> & {
  readonly id: string;
  /** Every case it lists is of an agency in scope: the file may be handed out. */
  readonly downloadable: boolean;
};

/** The newest signed checkpoints covering any of the agencies (or of every agency). */
export class ListCheckpointsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: {
    agencyIds: readonly string[] | null;
    limit?: number;
  }): Promise<CheckpointListItem[]> {
    const rows = await recentCheckpoints(this.dataSource.manager, command.agencyIds, command.limit);
    const scope = command.agencyIds;
    // A checkpoint of every agency is handed out only to a scope that holds every agency.
    const everyAgency =
      !scope ||
      (
        (await this.dataSource.query(
          'SELECT NOT EXISTS (SELECT 1 FROM agencies WHERE id <> ALL($1::uuid[])) AS all',
          [scope],
        )) as { all: boolean }[]
      )[0].all;
    return rows.map(({ format: _format, signature: _signature, ...c }) => ({
      ...c,
      id: c.id ?? '',
      downloadable: c.agencyId ? !scope || scope.includes(c.agencyId) : everyAgency,
    }));
  }
}

/**
 * A checkpoint as the file an auditor keeps off the system — only when every case it lists is of
 * an agency in `agencyIds` (a checkpoint of all agencies names every agency's refs).
 */
export class ExportCheckpointUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: {
    id: string;
    agencyIds: readonly string[] | null;
  }): Promise<JournalCheckpoint | null> {
    const c = await checkpointById(this.dataSource.manager, command.id);
    if (!c) return null;
    if (command.agencyIds && !coveredBy(c, command.agencyIds)) return null;
    return c;
  }
}

export function coveredBy(
  c: Pick<JournalCheckpoint, 'agencyId'> & { entries?: JournalCheckpoint['entries'] },
  agencyIds: readonly string[],
): boolean {
  if (c.agencyId) return agencyIds.includes(c.agencyId);
  return (c.entries ?? []).every((e) => agencyIds.includes(e.agencyId));
}

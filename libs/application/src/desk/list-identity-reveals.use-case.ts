import type { DataSource } from 'typeorm';
import type { IdentityRevealRow } from '@gongkai/contracts';
import { DeskLookupsRepository } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';

/** Who saw which full identity number (DESIGN.md, Security), newest first. */
export class ListIdentityReveals {
  constructor(private readonly dataSource: DataSource) {}

  async execute(reader: CaseReader, caseId?: string): Promise<IdentityRevealRow[]> {
    const rows = await new DeskLookupsRepository(this.dataSource.manager).identityReveals<
      Omit<IdentityRevealRow, 'revealedAt'> & { revealedAt: Date }
    >(reader.scopeAgencyIds, caseId ?? null);
    return rows.map((r) => ({ ...r, revealedAt: new Date(r.revealedAt).toISOString() }));
  }
}

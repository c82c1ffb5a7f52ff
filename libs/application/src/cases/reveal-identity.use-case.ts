import type { DataSource } from 'typeorm';
import { CaseError, CaseReadRepository } from '@gongkai/persistence';
import type { CaseTransitionService } from './case-transition.service';
import type { CaseReader } from './case-reader';
import type { ReadCase } from './read-case.use-case';

/** The full identity number, with a row naming who looked and why (DESIGN.md, Security). */
export class RevealIdentity {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionService,
    private readonly cases: ReadCase,
  ) {}

  async execute(
    reader: CaseReader,
    id: string,
    reason: string | undefined,
  ): Promise<{ identityNumber: string; revealedAt: string }> {
    const c = await this.cases.find(reader, id);
    if (!c.applicantIdentityCipher) {
      throw new CaseError('not_found', 'no_identity_number', '本案未登记身份证号码');
    }
    const identityNumber = this.transitions.cipher.decrypt(c.applicantIdentityCipher);
    const reveal = await new CaseReadRepository(this.dataSource.manager).recordIdentityReveal({
      caseId: c.id,
      agencyId: c.agencyId,
      userId: reader.id,
      reason: reason || null,
      revealedAt: new Date(),
    });
    return { identityNumber, revealedAt: reveal.revealedAt.toISOString() };
  }
}

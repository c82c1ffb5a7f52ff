import type { DataSource } from 'typeorm';
import { DeskLookupsRepository } from '@gongkai/persistence';

interface PolicyReader {
  readonly id: string;
  readonly agencyId: string;
}

/** How many decision approvals the agency's new cases need (one unless set). */
export class ManageApprovalPolicy {
  constructor(private readonly dataSource: DataSource) {}

  async read(reader: PolicyReader): Promise<{ agencyId: string; decisionSteps: number }> {
    const row = await new DeskLookupsRepository(this.dataSource.manager).approvalPolicy(
      reader.agencyId,
    );
    return { agencyId: reader.agencyId, decisionSteps: row?.decisionSteps ?? 1 };
  }

  /** Applies to cases registered from now on: a running case keeps the chain it started with. */
  async set(reader: PolicyReader, decisionSteps: number) {
    await new DeskLookupsRepository(this.dataSource.manager).setApprovalPolicy({
      agencyId: reader.agencyId,
      decisionSteps,
      updatedBy: reader.id,
      updatedAt: new Date(),
    });
    return this.read(reader);
  }
}

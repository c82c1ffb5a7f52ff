import type { DataSource } from 'typeorm';
import type { ApprovalItem } from '@gongkai/contracts';
import { mayApproveDecision } from '@gongkai/domain';
import { CaseReadRepository } from '@gongkai/persistence';
import type { CaseReader } from './case-reader';

/** Decisions and extensions of the leader's agencies waiting for this leader. */
export class ListApprovals {
  constructor(private readonly dataSource: DataSource) {}

  async execute(reader: CaseReader): Promise<ApprovalItem[]> {
    const rows = await new CaseReadRepository(this.dataSource.manager).awaitingApproval(
      reader.writeAgencyIds,
    );
    const items: ApprovalItem[] = [];
    for (const c of rows) {
      const context = c.snapshot.context;
      const base = {
        caseId: c.id,
        ref: c.ref,
        applicantName: c.applicantName,
        receivedOn: c.receivedOn,
        answerDueOn: c.answerDueOn,
        version: c.version,
      };
      const draft = context.draft;
      // The chain needs distinct leaders: a draft this leader approved waits for another.
      if (c.state === 'awaitingApproval' && draft && mayApproveDecision(context, reader.id)) {
        items.push({
          ...base,
          kind: 'decision',
          outcome: draft.outcome,
          step: draft.approvals.length + 1,
          steps: context.approvalSteps,
          workingDays: null,
          reason: draft.reasons ?? null,
          basis: draft.basis ?? null,
          requestedOn: draft.draftedOn,
        });
      }
      const extension = context.extension;
      if (c.extensionState === 'requested' && extension && extension.decision === null) {
        items.push({
          ...base,
          kind: 'extension',
          outcome: null,
          step: null,
          steps: null,
          workingDays: extension.workingDays,
          reason: extension.reason,
          requestedOn: extension.requestedOn,
        });
      }
    }
    return items;
  }
}

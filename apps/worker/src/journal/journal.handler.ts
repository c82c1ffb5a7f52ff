import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import {
  CheckJournalNightlyUseCase,
  VerifyJournalUseCase,
  type AgencyJournalCheck,
  type JournalAudit,
} from '@gongkai/application';
import type { JournalVerifyJobData, JournalVerifyProgress } from '@gongkai/contracts';
import { trustedJournalFingerprint } from '@gongkai/persistence';
import { JobHandler } from '../jobs/job-handler.decorator';

/** How often (in cases) the desk's progress bar moves. */
const PROGRESS_EVERY = 2_000;

/** Thin: the journal's nightly check and the desk's verification, both in libs/application. */
@Injectable()
export class JournalHandler {
  constructor(
    private readonly nightlyCheck: CheckJournalNightlyUseCase,
    private readonly verification: VerifyJournalUseCase,
  ) {}

  /** Read-only, so a retry just verifies again; a second checkpoint the same night is harmless. */
  @JobHandler('journal.nightly')
  nightly(): Promise<AgencyJournalCheck[]> {
    return this.nightlyCheck.execute();
  }

  @JobHandler('journal.verify')
  async verify(job: Job<JournalVerifyJobData>): Promise<JournalAudit> {
    let reported = -PROGRESS_EVERY;
    return this.verification.execute({
      agencyIds: job.data.agencyIds ?? undefined,
      trustedFingerprint: trustedJournalFingerprint(),
      onProgress: async (p: JournalVerifyProgress) => {
        if (p.casesChecked - reported < PROGRESS_EVERY && p.casesChecked < p.casesTotal) return;
        reported = p.casesChecked;
        await job.updateProgress(p);
      },
    });
  }
}

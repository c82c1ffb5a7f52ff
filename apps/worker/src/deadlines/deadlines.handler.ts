import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { yearOf } from '@gongkai/domain';
import type { YearCloseJobData } from '@gongkai/contracts';
import { YearCloseError, type SweepResult, type YearCloseResult } from '@gongkai/persistence';
import { CloseYear, RaiseAlerts, SweepDeadlines } from '@gongkai/application';
import { JobHandler } from '../jobs/job-handler.decorator';
import { InjectClock, todayOf, type Clock } from '../worker-clock';

// A job's return value lives in Redis: keep it to a summary and a bounded list.
const LISTED = 200;

export function sweepSummary(result: SweepResult) {
  return {
    today: result.today,
    candidates: result.candidates,
    applied: result.applied.length,
    skipped: result.skipped.length,
    cases: result.applied
      .slice(0, LISTED)
      .map((a) => ({ caseId: a.caseId, type: a.type, on: a.on })),
  };
}

export function yearCloseSummary(result: YearCloseResult) {
  return {
    year: result.year,
    sweep: result.sweep ? sweepSummary(result.sweep) : null,
    marked: result.marked.length,
    alreadyClosed: result.alreadyClosed.length,
    failed: result.failed.slice(0, LISTED),
  };
}

/**
 * Thin: the deadline jobs call the application's use cases (the CLI calls the same ones). BullMQ
 * delivers at least once; the use cases re-check every case under its row lock.
 */
@Injectable()
export class DeadlinesHandler {
  constructor(
    private readonly sweepDeadlines: SweepDeadlines,
    private readonly yearClose: CloseYear,
    private readonly alerts: RaiseAlerts,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * Also raises the alerts (预警/督办) every minute, so a fresh install or a case that became
   * overdue today shows them at once; each is raised once per person, kind, case and due date.
   * E-mails stay with the daily job.
   */
  @JobHandler('deadlines.sweep')
  async sweep(): Promise<ReturnType<typeof sweepSummary> & { alertsCreated: number }> {
    const result = await this.sweepDeadlines.execute({ today: todayOf(this.clock) });
    const alerts = await this.alerts.execute({ email: false });
    return { ...sweepSummary(result), alertsCreated: alerts.created };
  }

  @JobHandler('year.close')
  async closeYear(job: Job<YearCloseJobData>): Promise<ReturnType<typeof yearCloseSummary>> {
    const today = todayOf(this.clock);
    // Run late (the worker was down over New Year) it still closes the year that has ended.
    const year = job.data?.year ?? yearOf(today) - 1;
    const result = await this.yearClose.execute({ year, today }).catch((error: unknown) => {
      // A year that has not ended will not end by retrying.
      throw error instanceof YearCloseError ? new UnrecoverableError(error.message) : error;
    });
    if (result.failed.length > 0) {
      // Retried with backoff; the cases already marked are skipped next time.
      throw new Error(
        `${year}年度结转未完成：${result.failed.length} 件未能结转（${result.failed[0].message}）`,
      );
    }
    return yearCloseSummary(result);
  }
}

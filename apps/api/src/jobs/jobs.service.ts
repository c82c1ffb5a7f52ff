import { Injectable, NotFoundException } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import {
  jobId,
  type FailedJobsResponse,
  type JobName,
  type JobState,
  type JobView,
} from '@gongkai/contracts';
import { type SessionUser } from '../auth/session-user';
import { JobsQueue } from './jobs-queue';

/** Data every job the API enqueues carries: the agency it works for (scope of the job routes). */
export interface AgencyJobData {
  agencyId: string;
  [key: string]: unknown;
}

/** Retries with exponential backoff (5 s, 10 s, 20 s…); results kept a week, failures a month. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 5000 },
};

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);

function toJobView(job: Job, state: JobState): JobView {
  const data = (job.data ?? {}) as Partial<AgencyJobData>;
  return {
    id: job.id ?? '',
    name: job.name,
    state,
    progress: job.progress,
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    result: job.returnvalue ?? null,
    failedReason: job.failedReason || null,
    agencyId: typeof data.agencyId === 'string' ? data.agencyId : null,
    createdAt: iso(job.timestamp),
    processedAt: iso(job.processedOn),
    finishedAt: iso(job.finishedOn),
  };
}

/**
 * A job as the routes show it, read state first and job second. BullMQ moves a job to completed
 * or failed together with its result, progress and reason in one script, so a job read after its
 * state is at least as new as that state. Read the other way round, a job that finished in between
 * was reported completed with the running job's progress and no result (seen under load), and a
 * poller would stop on it.
 */
export async function readJobView(q: Queue, id: string): Promise<JobView | null> {
  const state = await q.getJobState(id);
  if (state === 'unknown') return null;
  const job = await q.getJob(id);
  return job ? toJobView(job, state as JobState) : null;
}

/**
 * Enqueues the API's background work (ledger imports, report renders) and reports on it. Job ids
 * are stable (`jobId(name, …key)`), so a repeated request while the job exists adds nothing;
 * handlers in the worker are idempotent for the retries.
 */
@Injectable()
export class JobsService {
  constructor(private readonly queue: JobsQueue) {}

  async enqueue(
    name: JobName,
    data: AgencyJobData,
    key: readonly (string | number)[],
    options: JobsOptions = {},
  ): Promise<JobView> {
    const id = jobId(name, ...key);
    return this.queue.use(async (q) => {
      const added = await q.add(name, data, { ...DEFAULT_JOB_OPTIONS, ...options, jobId: id });
      // Removed at once only if it finished and its age limit is 0: show it as added.
      return (await readJobView(q, id)) ?? toJobView(added, 'waiting');
    });
  }

  /**
   * Gives a failed job a fresh set of attempts under its own id (a stable id would otherwise keep
   * answering "failed" until the job is removed). A job no longer failed is returned as it is.
   */
  async retry(id: string): Promise<JobView> {
    return this.queue.use(async (q) => {
      const job = await q.getJob(id);
      if (!job) throw new NotFoundException('任务不存在');
      if ((await job.getState()) === 'failed')
        await job
          .retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true })
          // Another request retried it first.
          .catch(() => undefined);
      const view = await readJobView(q, id);
      if (!view) throw new NotFoundException('任务不存在');
      return view;
    });
  }

  /** A job of an agency in the user's scope; a system job (no agency) for administrators only. */
  async find(user: SessionUser, id: string): Promise<JobView> {
    const view = await this.queue.use((q) => readJobView(q, id));
    if (!view || !visible(user, view)) throw new NotFoundException('任务不存在');
    return view;
  }

  async failed(user: SessionUser, limit = 200): Promise<FailedJobsResponse> {
    // Listed as failed: a job retried since is shown by find(), not here.
    const jobs = await this.queue.use(async (q) =>
      (await q.getFailed(0, limit - 1)).map((job) => toJobView(job, 'failed')),
    );
    return { items: jobs.filter((j) => visible(user, j)) };
  }
}

function visible(user: SessionUser, job: JobView): boolean {
  if (job.agencyId === null) return user.roles.includes('admin');
  return user.scopeAgencyIds.includes(job.agencyId);
}

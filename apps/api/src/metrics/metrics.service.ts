import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { CountCases } from '@gongkai/application';
import { RedisThrottlerStorage } from '../common/redis-throttler.storage';
import { JobsQueue } from '../jobs/jobs-queue';

const JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'completed',
  'failed',
] as const;
// Durations are taken from the completed jobs BullMQ still keeps, at most this many.
const DURATION_SAMPLE = 500;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Prometheus metrics, computed at each scrape from where the truth is: BullMQ's own job counts
 * and retained jobs in Redis, the journal and the case rows in PostgreSQL. Nothing is kept in
 * this process, so every API instance reports the same numbers.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly queueUp = new Gauge({
    name: 'gongkai_queue_up',
    help: '1 if the job queue (Redis) answered this scrape, else 0',
    registers: [this.registry],
  });
  private readonly queueJobs = new Gauge({
    name: 'gongkai_queue_jobs',
    help: 'Jobs in the queue by state (BullMQ job counts)',
    labelNames: ['state'],
    registers: [this.registry],
  });
  private readonly failedJobs = new Gauge({
    name: 'gongkai_queue_failed_jobs',
    help: 'Failed jobs still retained in the queue, by job name',
    labelNames: ['name'],
    registers: [this.registry],
  });
  private readonly jobDuration = new Gauge({
    name: 'gongkai_job_duration_seconds',
    help: `Processing time of recently completed jobs (up to the last ${DURATION_SAMPLE} retained), by job name`,
    labelNames: ['name', 'quantile'],
    registers: [this.registry],
  });
  private readonly jobDurationSamples = new Gauge({
    name: 'gongkai_job_duration_samples',
    help: 'Completed jobs behind gongkai_job_duration_seconds, by job name',
    labelNames: ['name'],
    registers: [this.registry],
  });
  private readonly transitions = new Counter({
    name: 'gongkai_case_transitions_total',
    help: 'Rows of the append-only case journal, by event type',
    labelNames: ['type'],
    registers: [this.registry],
  });
  private readonly openCases = new Gauge({
    name: 'gongkai_open_cases',
    help: 'Open cases by procedure state',
    labelNames: ['state'],
    registers: [this.registry],
  });

  // The one metric of this process's own: how often it counted the public rate limits itself
  // because Redis did not answer (see RedisThrottlerStorage).
  private readonly rateLimitFallbacks = new Counter({
    name: 'gongkai_rate_limit_fallbacks_total',
    help: 'Public requests this API process rate-limited in its own memory because Redis did not answer',
    registers: [this.registry],
  });

  constructor(
    private readonly cases: CountCases,
    private readonly queue: JobsQueue,
    private readonly rateLimit: RedisThrottlerStorage,
  ) {}

  async render(): Promise<string> {
    await Promise.all([this.collectDatabase(), this.collectQueue()]);
    this.rateLimitFallbacks.reset();
    this.rateLimitFallbacks.inc(this.rateLimit.fallbacks);
    return this.registry.metrics();
  }

  private async collectDatabase(): Promise<void> {
    const { journalRows: events, openCases: open } = await this.cases.execute();
    // The journal only grows, so its counts are a true counter.
    this.transitions.reset();
    for (const r of events) this.transitions.inc({ type: r.type }, r.n);
    this.openCases.reset();
    for (const r of open) this.openCases.set({ state: r.state }, r.n);
  }

  private async collectQueue(): Promise<void> {
    this.queueJobs.reset();
    this.failedJobs.reset();
    this.jobDuration.reset();
    this.jobDurationSamples.reset();
    try {
      const { counts, failed, completed } = await this.queue.use(async (q) => ({
        counts: await q.getJobCounts(...JOB_STATES),
        failed: await q.getFailed(0, 999),
        completed: await q.getCompleted(0, DURATION_SAMPLE - 1),
      }));
      this.queueUp.set(1);
      for (const state of JOB_STATES) this.queueJobs.set({ state }, counts[state] ?? 0);
      const failedByName = new Map<string, number>();
      for (const job of failed) failedByName.set(job.name, (failedByName.get(job.name) ?? 0) + 1);
      for (const [name, n] of failedByName) this.failedJobs.set({ name }, n);
      const durations = new Map<string, number[]>();
      for (const job of completed) {
        if (!job.processedOn || !job.finishedOn) continue;
        const list = durations.get(job.name) ?? [];
        list.push((job.finishedOn - job.processedOn) / 1000);
        durations.set(job.name, list);
      }
      for (const [name, list] of durations) {
        list.sort((a, b) => a - b);
        this.jobDurationSamples.set({ name }, list.length);
        for (const q of [0.5, 0.95, 1]) {
          this.jobDuration.set({ name, quantile: String(q) }, quantile(list, q));
        }
      }
    } catch {
      // Redis down: the database metrics still tell the truth; the queue is reported as down.
      this.queueUp.set(0);
    }
  }
}

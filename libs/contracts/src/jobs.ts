/**
 * Job names shared by the API (which enqueues) and the worker (which handles). Names are
 * `<area>.<verb>`; the worker refuses to start unless each has exactly one handler.
 */
export const QUEUE_NAME = 'gongkai';

export const JOB_NAMES = [
  'worker.heartbeat',
  // Every minute: SUPPLEMENT_OVERDUE, FEE_OVERDUE, CONSULTATION_EXPIRED for lapsed deadlines.
  'deadlines.sweep',
  // 00:05 Asia/Shanghai: answer due soon / overdue, 补正 notice on its last day (预警/督办).
  'alerts.daily',
  // 00:10 on 1 January Asia/Shanghai: YEAR_CLOSED on every case still open (结转下年度).
  'year.close',
  // On demand (POST /api/imports/jobs): a ledger import, with progress, result kept for the desk.
  'ledger.import',
  // 02:30 Asia/Shanghai: every agency's journal verified and, when clean, signed (checkpoint).
  'journal.nightly',
  // On demand (POST /api/journal/verifications): the 日志校验 of the desk, with progress.
  'journal.verify',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** Cron schedules of the recurring jobs; the worker upserts them at start-up. */
export const JOB_SCHEDULE_TIMEZONE = 'Asia/Shanghai';
export const JOB_SCHEDULES: readonly { name: JobName; pattern: string }[] = [
  { name: 'deadlines.sweep', pattern: '* * * * *' },
  { name: 'alerts.daily', pattern: '5 0 * * *' },
  { name: 'year.close', pattern: '10 0 1 1 *' },
  { name: 'journal.nightly', pattern: '30 2 * * *' },
];

/** `journal.verify` data: the agencies in the requester's scope (null: every agency). */
export interface JournalVerifyJobData {
  agencyIds: string[] | null;
  requestedBy: string;
}

/** `journal.verify` progress, as the desk's progress bar reads it. */
export interface JournalVerifyProgress {
  casesTotal: number;
  casesChecked: number;
  eventsChecked: number;
}

/** `year.close` data: the year to close (default: the year before the worker's today). */
export interface YearCloseJobData {
  year?: number;
}

/** `alerts.daily` data when an administrator runs it: the agency asking, the agencies to check. */
export interface AlertsJobData {
  agencyId?: string;
  agencyIds?: string[];
}

/** BullMQ job ids must not contain ':' (style.md); stable ids make enqueueing idempotent. */
export function jobId(name: JobName, ...parts: (string | number)[]): string {
  return [name, ...parts].join('__').replace(/:/g, '_');
}

export type JobState =
  | 'waiting'
  | 'active'
  | 'delayed'
  | 'prioritized'
  | 'waiting-children'
  | 'completed'
  | 'failed'
  | 'unknown';

/** GET /api/jobs/:id and the items of GET /api/jobs/failed. */
export interface JobView {
  id: string;
  name: string;
  state: JobState;
  /** What the handler reported with `job.updateProgress` (a percentage or an object). */
  progress: number | string | boolean | object;
  attemptsMade: number;
  attempts: number;
  result: unknown;
  failedReason: string | null;
  agencyId: string | null;
  createdAt: string | null;
  processedAt: string | null;
  finishedAt: string | null;
}

export interface FailedJobsResponse {
  items: JobView[];
}

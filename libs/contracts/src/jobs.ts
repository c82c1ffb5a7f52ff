/**
 * Job names shared by the API (which enqueues) and the worker (which handles). Names are
 * `<area>.<verb>`; the worker refuses to start unless each has exactly one handler.
 */
export const QUEUE_NAME = 'gongkai';

export const JOB_NAMES = ['worker.heartbeat'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** BullMQ job ids must not contain ':' (style.md); stable ids make enqueueing idempotent. */
export function jobId(name: JobName, ...parts: (string | number)[]): string {
  return [name, ...parts].join('__').replace(/:/g, '_');
}

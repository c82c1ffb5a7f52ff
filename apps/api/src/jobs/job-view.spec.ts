import type { Job, Queue } from 'bullmq';
import { readJobView } from './jobs.service';

/**
 * A queue whose one job finishes (progress 100, result) the moment the first read reaches Redis,
 * as a worker finishing between two reads would: the view must never say "completed" without the
 * result a poller stops on.
 */
function queueFinishingOnFirstRead(): Queue {
  let finished = false;
  const job = () =>
    ({
      id: 'ledger.import__a1__x',
      name: 'ledger.import',
      data: { agencyId: 'a1' },
      opts: { attempts: 3 },
      attemptsMade: finished ? 1 : 0,
      progress: finished ? 100 : 40,
      returnvalue: finished ? { imported: 12 } : null,
      failedReason: '',
      timestamp: Date.parse('2025-06-30T02:00:00Z'),
      processedOn: Date.parse('2025-06-30T02:00:01Z'),
      finishedOn: finished ? Date.parse('2025-06-30T02:00:05Z') : undefined,
    }) as unknown as Job;
  const read = <T>(value: () => T) => {
    const answer = value();
    finished = true;
    return Promise.resolve(answer);
  };
  return {
    getJobState: () => read(() => (finished ? 'completed' : 'active')),
    getJob: () => read(job),
  } as unknown as Queue;
}

describe('readJobView', () => {
  it('reads the state before the job, so a job finishing in between is never "completed" without its result', async () => {
    const view = await readJobView(queueFinishingOnFirstRead(), 'ledger.import__a1__x');
    expect(view).toMatchObject({ state: 'active', progress: 100, result: { imported: 12 } });
  });

  it('answers null for a job Redis does not know', async () => {
    const q = {
      getJobState: () => Promise.resolve('unknown'),
      getJob: () => Promise.reject(new Error('must not read a job that does not exist')),
    } as unknown as Queue;
    expect(await readJobView(q, 'nope')).toBeNull();
  });
});

import { closeWorkerGracefully } from './graceful-shutdown';

/** A stand-in for a BullMQ worker whose running jobs finish when `finish()` is called. */
function fakeWorker() {
  let finish: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (finish = resolve));
  const calls: string[] = [];
  return {
    calls,
    finish: () => finish(),
    pause: async (doNotWaitActive?: boolean) => {
      calls.push(`pause(${String(doNotWaitActive)})`);
      await running;
    },
    close: async (force?: boolean) => {
      calls.push(`close(${String(force)})`);
    },
  };
}

describe('graceful shutdown of the worker', () => {
  it('lets running jobs finish, then closes normally', async () => {
    const worker = fakeWorker();
    const closing = closeWorkerGracefully(worker, 60_000);
    worker.finish();
    expect(await closing).toBe('drained');
    expect(worker.calls).toEqual(['pause(false)', 'close(false)']);
  });

  it('stops waiting after the bound and closes without waiting for the stuck job', async () => {
    const worker = fakeWorker();
    expect(await closeWorkerGracefully(worker, 10)).toBe('forced');
    expect(worker.calls).toEqual(['pause(false)', 'close(true)']);
  });
});

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadedCalendarYear } from './calendar-history';
import type { AgencyEntries, AgencySink, VerifiedAgency } from './verify-agency';
import type { VerifyTask, VerifyWorkerData, VerifyWorkerMessage } from './verify-worker-main';

interface Running {
  readonly sink: AgencySink;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  /** The sink's progress calls, in order; the agency ends after the last of them. */
  reported: Promise<void>;
}

interface Slot {
  readonly worker: Worker;
  running: Running | null;
}

/**
 * Worker threads that verify one agency each at a time (DESIGN.md, Journal: parallel by agency).
 * The replay is pure CPU, so on a machine with more than one core agencies really run side by
 * side, each thread reading through its own connection. `start` resolves null when a thread
 * cannot start (its script or its connection): the caller verifies in the process instead.
 */
export class VerifyPool {
  private readonly free: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];

  private constructor(private readonly slots: Slot[]) {
    this.free.push(...slots);
  }

  static async start(
    size: number,
    databaseUrl: string,
    calendarYears: readonly LoadedCalendarYear[],
    script = join(__dirname, 'verify-worker.cjs'),
  ): Promise<VerifyPool | null> {
    const workerData: VerifyWorkerData = { databaseUrl, calendarYears, sources: sources() };
    const workers = Array.from({ length: size }, () => new Worker(script, { workerData }));
    const started = await Promise.all(workers.map(ready));
    if (started.every(Boolean)) return new VerifyPool(workers.map(slotOf));
    await Promise.all(workers.map((w) => w.terminate()));
    return null;
  }

  /** Verifies one agency on the next free thread; findings and progress go to `sink`. */
  async verify(agency: VerifiedAgency, entries: AgencyEntries | null, sink: AgencySink) {
    const slot = this.free.pop() ?? (await new Promise<Slot>((r) => this.waiting.push(r)));
    try {
      await new Promise<void>((resolve, reject) => {
        slot.running = { sink, resolve, reject, reported: Promise.resolve() };
        const task: VerifyTask = { agency, entries };
        slot.worker.postMessage(task);
      });
    } finally {
      slot.running = null;
      const next = this.waiting.shift();
      if (next) next(slot);
      else this.free.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** Run from the TypeScript sources (jest, the benches), a thread compiles them as it loads them. */
function sources(): VerifyWorkerData['sources'] {
  if (!__filename.endsWith('.ts')) return null;
  return {
    loader: require.resolve('@swc-node/register'),
    project: join(__dirname, '..', '..', 'tsconfig.json'),
  };
}

/** Whether the thread connected (its first message), false when it failed or exited first. */
function ready(worker: Worker): Promise<boolean> {
  return new Promise((resolve) => {
    worker.once('message', (m: VerifyWorkerMessage) => resolve(m.kind === 'ready'));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
}

function slotOf(worker: Worker): Slot {
  const slot: Slot = { worker, running: null };
  const fail = (error: Error): void => slot.running?.reject(error);
  worker.on('message', (m: VerifyWorkerMessage) => {
    const running = slot.running;
    if (!running) return;
    switch (m.kind) {
      case 'checked':
        for (const f of m.findings) running.sink.add(f);
        running.reported = running.reported.then(() => running.sink.checked(m.cases, m.events));
        return;
      case 'done':
        running.reported.then(running.resolve, fail);
        return;
      case 'failed':
        fail(new Error(`日志校验的工作线程出错：${m.message}`));
        return;
    }
  });
  worker.on('error', (error) => fail(new Error(`日志校验的工作线程出错：${error.message}`)));
  worker.on('exit', (code) => fail(new Error(`日志校验的工作线程意外退出（${code}）`)));
  return slot;
}

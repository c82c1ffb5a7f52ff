import { parentPort, workerData } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@gongkai/persistence';
import { calendarHistory, type LoadedCalendarYear } from './calendar-history';
import type { JournalFinding } from './journal-finding';
import { verifyAgency, type AgencyEntries, type VerifiedAgency } from './verify-agency';

/** What the pool gives a worker thread when it starts it. */
export interface VerifyWorkerData {
  readonly databaseUrl: string;
  readonly calendarYears: readonly LoadedCalendarYear[];
  /** Started from the TypeScript sources: the loader that compiles them, and their tsconfig. */
  readonly sources: { readonly loader: string; readonly project: string } | null;
}

/** One agency to verify. */
export interface VerifyTask {
  readonly agency: VerifiedAgency;
  readonly entries: AgencyEntries | null;
}

/** What a worker thread answers: ready once connected, then per agency batches and its end. */
export type VerifyWorkerMessage =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'checked';
      readonly cases: number;
      readonly events: number;
      readonly findings: JournalFinding[];
    }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * A verification worker thread (started by `verify-worker.cjs`): its own connection, the
 * calendar history it was given, then the agencies the pool sends, one at a time, each through
 * the same `verifyAgency` as in the process. Findings travel with the batch they were found in.
 */
export async function runVerifyWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('verify-worker-main runs in a worker thread');
  const data = workerData as VerifyWorkerData;
  const post = (m: VerifyWorkerMessage): void => port.postMessage(m);
  let db: DataSource;
  try {
    db = await createDataSource(data.databaseUrl, 1).initialize();
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  const calendarAt = calendarHistory(data.calendarYears);
  const manager = db.manager;
  port.on('message', (task: VerifyTask | null) => {
    if (task === null) {
      port.close();
      void db.destroy();
      return;
    }
    let findings: JournalFinding[] = [];
    void verifyAgency(manager, task.agency, task.entries, calendarAt, {
      add: (f) => void findings.push(f),
      checked: (cases, events) => {
        post({ kind: 'checked', cases, events, findings });
        findings = [];
      },
    }).then(
      () => {
        if (findings.length) post({ kind: 'checked', cases: 0, events: 0, findings });
        post({ kind: 'done' });
      },
      (error: unknown) =>
        post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  post({ kind: 'ready' });
}

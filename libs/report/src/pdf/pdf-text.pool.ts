import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ReportParseError } from '../reader/parse-error';
import { type PdfPageText } from '../reader/report-lines';

export interface PdfText {
  pages: PdfPageText[];
  numPages: number;
}

interface Job {
  id: number;
  data: Uint8Array;
  timeoutMs: number;
  resolve: (text: PdfText) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Whether pdf.js ever loaded in this worker. */
  started: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** pdf.js's exception names → what a clerk reads. */
function pdfError(name: string): ReportParseError {
  switch (name) {
    case 'PasswordException':
      return new ReportParseError('PDF 已加密（需要密码），无法读取');
    case 'InvalidPDFException':
      return new ReportParseError('文件不是有效的 PDF（文件已损坏或不完整）');
    default:
      return new ReportParseError('PDF 无法解析（文件可能已损坏）');
  }
}

/**
 * Worker threads that extract the positioned text of PDFs, as many as the machine has cores.
 * Idle workers do not keep the process alive; a PDF that takes longer than its time limit has its
 * worker terminated and replaced. A worker that cannot even start (its script or pdf.js missing)
 * marks the pool broken instead of being respawned forever.
 */
export class PdfTextPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private broken = false;

  constructor(
    private readonly size = Math.max(1, availableParallelism()),
    private readonly script = join(__dirname, 'pdf-text.worker.mjs'),
  ) {}

  extract(data: Uint8Array, timeoutMs = 20000): Promise<PdfText> {
    return new Promise<PdfText>((resolve, reject) => {
      if (this.broken) {
        reject(new ReportParseError('PDF 读取组件无法加载，无法读取 PDF'));
        return;
      }
      this.queue.push({ id: this.nextId++, data, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  /** Terminates every worker (tests, shutdown). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.script);
    const slot: Slot = { worker, ready: false, started: false, job: null, timer: null };
    worker.on(
      'message',
      (msg: { id?: number; ok?: boolean; ready?: boolean; name?: string } & PdfText) => {
        if (msg.ready !== undefined) {
          slot.ready = msg.ready;
          if (!msg.ready) {
            // pdf.js itself cannot load: every waiting PDF fails now rather than respawning forever.
            this.breakDown();
            void worker.terminate();
            return;
          }
          slot.started = true;
          this.pump();
          if (!slot.job) worker.unref();
          return;
        }
        const job = slot.job;
        if (!job || job.id !== msg.id) return;
        this.finish(slot);
        if (msg.ok) job.resolve({ pages: msg.pages, numPages: msg.numPages });
        else job.reject(pdfError(msg.name ?? ''));
      },
    );
    worker.on('error', () =>
      this.fail(slot, new ReportParseError('PDF 无法解析（文件可能已损坏）')),
    );
    worker.on('exit', () => {
      this.fail(slot, new ReportParseError('PDF 无法解析（读取进程意外退出）'));
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      // Died before pdf.js loaded (the script cannot be found or fails to load): a new worker
      // would die the same way.
      if (!slot.started) this.breakDown();
      this.pump();
    });
    this.slots.push(slot);
    return slot;
  }

  private breakDown(): void {
    this.broken = true;
    for (const job of this.queue.splice(0))
      job.reject(new ReportParseError('PDF 读取组件无法加载，无法读取 PDF'));
  }

  private fail(slot: Slot, error: Error): void {
    const job = slot.job;
    if (!job) return;
    this.finish(slot);
    job.reject(error);
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.find((s) => s.ready && s.job === null);
      if (!idle) {
        const starting = this.slots.filter((s) => !s.ready).length;
        if (this.slots.length < this.size && starting < this.queue.length) this.spawn();
        return;
      }
      const slot = idle;
      const job = this.queue.shift() as Job;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        this.fail(
          slot,
          new ReportParseError(
            `PDF 解析超时（超过${Math.round(job.timeoutMs / 1000)}秒），文件可能过于复杂或已损坏`,
          ),
        );
        void slot.worker.terminate();
      }, job.timeoutMs);
      const copy = job.data.slice();
      slot.worker.postMessage({ id: job.id, data: copy.buffer }, [copy.buffer]);
    }
  }
}

let shared: PdfTextPool | null = null;

/** The process-wide pool. */
export function pdfTextPool(): PdfTextPool {
  shared ??= new PdfTextPool();
  return shared;
}

import { createHash } from 'node:crypto';
import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import type {
  ImportLedgerRequest,
  LedgerImportJobAccepted,
  LedgerImportJobData,
  LedgerImportReport,
} from '@gongkai/contracts';
import {
  formatRejection,
  ImportLedger,
  readLedgerFile,
  UnreadableLedgerError,
} from '@gongkai/application';
import { type SessionUser } from '../auth/session-user';
import { httpErrors } from '../cases/case-http-errors';
import { JobsService } from '../jobs/jobs.service';

/**
 * A `ledger.import` job carries the whole file, so it is kept for a day once done (the desk polls
 * it within seconds) and fewer are kept than the defaults would.
 */
export const LEDGER_IMPORT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: { age: 24 * 3600, count: 100 },
  removeOnFail: { age: 7 * 24 * 3600, count: 100 },
};

@Injectable()
export class ImportsService {
  constructor(
    private readonly importer: ImportLedger,
    private readonly jobs: JobsService,
  ) {}

  /**
   * Imports a ledger into the user's own agency, replayed through the machine as this user
   * (ledger-format.md): all lines or none, every bad line named; with skipInvalid the valid lines
   * are written and the others still listed. Lines whose ref the agency has are left unchanged.
   */
  async import(user: SessionUser, body: ImportLedgerRequest): Promise<LedgerImportReport> {
    const ledger = await readLedgerFile(body).catch((error: unknown) => {
      if (!(error instanceof UnreadableLedgerError)) throw error;
      throw new UnprocessableEntityException({ message: error.message, code: 'unreadable_xlsx' });
    });
    const report = await httpErrors(() =>
      this.importer.execute(ledger, {
        agencyId: user.agencyId,
        actorId: user.id,
        skipInvalid: body.skipInvalid,
      }),
    );
    if (!report.committed) {
      throw new UnprocessableEntityException({
        message: `台账有 ${report.rejected.length} 行不能导入，未导入任何一行：${report.rejected
          .slice(0, 5)
          .map(formatRejection)
          .join('；')}${report.rejected.length > 5 ? '……' : ''}`,
        code: 'ledger_rejected',
        report,
      });
    }
    return report;
  }

  /**
   * Queues the same import as a `ledger.import` job, which the worker runs with progress. The job
   * id is the agency and a digest of the file, so a repeated upload of one file while its job is
   * kept adds nothing; a job that failed for good is retried instead of shown failed again.
   */
  async enqueue(user: SessionUser, body: ImportLedgerRequest): Promise<LedgerImportJobAccepted> {
    const data: LedgerImportJobData = {
      agencyId: user.agencyId,
      actorId: user.id,
      ...(body.jsonl !== undefined ? { jsonl: body.jsonl } : { xlsxBase64: body.xlsxBase64 }),
      ...(body.skipInvalid ? { skipInvalid: true } : {}),
    };
    const digest = createHash('sha256')
      .update(body.jsonl !== undefined ? `jsonl\n${body.jsonl}` : `xlsx\n${body.xlsxBase64}`)
      .update(body.skipInvalid ? '\nskipInvalid' : '')
      .digest('hex')
      .slice(0, 32);
    let job = await this.jobs.enqueue(
      'ledger.import',
      data,
      [user.agencyId, digest],
      LEDGER_IMPORT_JOB_OPTIONS,
    );
    if (job.state === 'failed') job = await this.jobs.retry(job.id);
    return { jobId: job.id };
  }
}

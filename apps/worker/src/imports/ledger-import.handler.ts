import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import {
  ledgerImportProgressSchema,
  type LedgerImportJobData,
  type LedgerImportReport,
} from '@gongkai/contracts';
import { ImportLedger, UnreadableLedgerError } from '@gongkai/application';
import { JobHandler } from '../jobs/job-handler.decorator';

/**
 * Thin: a ledger uploaded to POST /api/imports/jobs, imported by the importer the synchronous
 * route and the CLI use. Safe to deliver again: the import is one transaction and matches lines by
 * ref, so a retry after a crash finds the committed lines unchanged and writes nothing twice.
 */
@Injectable()
export class LedgerImportHandler {
  constructor(private readonly importer: ImportLedger) {}

  @JobHandler('ledger.import')
  async import(job: Job<LedgerImportJobData>): Promise<LedgerImportReport> {
    const { agencyId, actorId, jsonl, xlsxBase64, skipInvalid } = job.data;
    try {
      // Rejected lines are a result (committed: false), not a failure: nothing to retry.
      return await this.importer.executeFile(
        { jsonl, xlsxBase64 },
        {
          agencyId,
          actorId,
          skipInvalid,
          onProgress: (progress) => job.updateProgress(ledgerImportProgressSchema.parse(progress)),
        },
      );
    } catch (error) {
      // A file that does not open will not open on the next attempt either.
      if (error instanceof UnreadableLedgerError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}

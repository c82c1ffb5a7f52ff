import type { DataSource } from 'typeorm';
import { ensureAgency, userIdByUsername, type AgencyEntity } from '@gongkai/persistence';
import type { CaseTransitionService } from '../cases/case-transition.service';
import type { LedgerFile } from './ledger-read';
import type { LedgerReading } from './ledger-workbook';
import type { RawLedgerLine } from './ledger-line';
import {
  importLedger,
  importLedgerFile,
  type LedgerImportOptions,
  type LedgerImportReport,
} from './import-ledger.use-case';

/**
 * The ledger import as the apps call it (API route, worker job, CLI): the importer of
 * `import-ledger.use-case.ts` on the process's connection and transition path, and the CLI's
 * look-ups of the agency it imports into and the clerk it records as.
 */
export class ImportLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionService,
  ) {}

  execute(
    ledger: LedgerReading | readonly RawLedgerLine[],
    options: LedgerImportOptions,
  ): Promise<LedgerImportReport> {
    return importLedger(this.dataSource, this.transitions, ledger, options);
  }

  /** An uploaded file (an unreadable .xlsx throws UnreadableLedgerError). */
  executeFile(file: LedgerFile, options: LedgerImportOptions): Promise<LedgerImportReport> {
    return importLedgerFile(this.dataSource, this.transitions, file, options);
  }

  /** The agency of `code`, created (named `name`) when it does not exist yet. */
  ensureAgency(code: string, name: string): Promise<{ agency: AgencyEntity; created: boolean }> {
    return ensureAgency(this.dataSource.manager, { code, name });
  }

  /** The id of the user the lines are recorded as, or null when there is none of that name. */
  actorId(username: string): Promise<string | null> {
    return userIdByUsername(this.dataSource.manager, username);
  }
}

import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, journalSigningKeyFromEnv, type AlertMailer } from '@gongkai/persistence';
import {
  CaseTransitionService,
  CheckJournalNightlyUseCase,
  CloseYear,
  ImportLedger,
  RaiseAlerts,
  SweepDeadlines,
  VerifyJournalUseCase,
} from '@gongkai/application';
import { ALERT_MAILER } from './alerts/smtp-mailer';
import { type WorkerConfig } from './worker-config';
import { WORKER_CLOCK, type Clock } from './worker-clock';

export const WORKER_DATA_SOURCE = Symbol('WORKER_DATA_SOURCE');
export const InjectDataSource = (): ParameterDecorator => Inject(WORKER_DATA_SOURCE);

/** The worker's PostgreSQL connection: the truth about deadlines (Redis only carries work). */
export function dataSourceProvider(config: WorkerConfig): Provider {
  return {
    provide: WORKER_DATA_SOURCE,
    useFactory: () => createDataSource(config.databaseUrl, config.databasePoolSize).initialize(),
  };
}

/** The application's use cases the jobs call, with the worker's clock deciding what "today" is. */
export const useCaseProviders: Provider[] = [
  {
    provide: CaseTransitionService,
    inject: [WORKER_DATA_SOURCE, WORKER_CLOCK],
    useFactory: (dataSource: DataSource, clock: Clock) =>
      new CaseTransitionService(dataSource, { clock }),
  },
  {
    provide: ImportLedger,
    inject: [WORKER_DATA_SOURCE, CaseTransitionService],
    useFactory: (dataSource: DataSource, transitions: CaseTransitionService) =>
      new ImportLedger(dataSource, transitions),
  },
  {
    provide: SweepDeadlines,
    inject: [WORKER_DATA_SOURCE],
    useFactory: (dataSource: DataSource) => new SweepDeadlines(dataSource),
  },
  {
    provide: CloseYear,
    inject: [WORKER_DATA_SOURCE],
    useFactory: (dataSource: DataSource) => new CloseYear(dataSource),
  },
  {
    provide: RaiseAlerts,
    inject: [WORKER_DATA_SOURCE, WORKER_CLOCK, ALERT_MAILER],
    useFactory: (dataSource: DataSource, clock: Clock, mailer: AlertMailer | null) =>
      new RaiseAlerts(dataSource, clock, mailer),
  },
  {
    provide: VerifyJournalUseCase,
    inject: [WORKER_DATA_SOURCE, WORKER_CLOCK],
    useFactory: (dataSource: DataSource, clock: Clock) =>
      new VerifyJournalUseCase(dataSource, clock),
  },
  {
    provide: CheckJournalNightlyUseCase,
    inject: [WORKER_DATA_SOURCE, WORKER_CLOCK],
    useFactory: (dataSource: DataSource, clock: Clock) =>
      new CheckJournalNightlyUseCase(dataSource, clock, journalSigningKeyFromEnv),
  },
];

/** Closes the pool last: running jobs have been drained in beforeApplicationShutdown. */
@Injectable()
export class DataSourceCloser implements OnApplicationShutdown {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

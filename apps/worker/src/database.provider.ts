import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from '@gongkai/persistence';
import { CaseTransitionService } from '@gongkai/application';
import { type WorkerConfig } from './worker-config';
import { todayOf, WORKER_CLOCK, type Clock } from './worker-clock';

export const WORKER_DATA_SOURCE = Symbol('WORKER_DATA_SOURCE');
export const InjectDataSource = (): ParameterDecorator => Inject(WORKER_DATA_SOURCE);

/** The worker's PostgreSQL connection: the truth about deadlines (Redis only carries work). */
export function dataSourceProvider(config: WorkerConfig): Provider {
  return {
    provide: WORKER_DATA_SOURCE,
    useFactory: () => createDataSource(config.databaseUrl).initialize(),
  };
}

/** The one transition path, with the worker's clock deciding what "today" is. */
export const caseTransitionProvider: Provider = {
  provide: CaseTransitionService,
  inject: [WORKER_DATA_SOURCE, WORKER_CLOCK],
  useFactory: (dataSource: DataSource, clock: Clock) =>
    new CaseTransitionService(dataSource, { today: () => todayOf(clock) }),
};

/** Closes the pool last: running jobs have been drained in beforeApplicationShutdown. */
@Injectable()
export class DataSourceCloser implements OnApplicationShutdown {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { parseEnvironment, workerEnvironmentSchema } from '@gongkai/application';
import { QUEUE_NAME } from '@gongkai/contracts';
import type { AlertMailer } from '@gongkai/persistence';
import { AlertsHandler } from './alerts/alerts.handler';
import { ALERT_MAILER, mailerFromConfig } from './alerts/smtp-mailer';
import { dataSourceProvider, DataSourceCloser, useCaseProviders } from './database.provider';
import { DeadlinesHandler } from './deadlines/deadlines.handler';
import { GracefulShutdown, SHUTDOWN_TIMEOUT_MS } from './jobs/graceful-shutdown';
import { LedgerImportHandler } from './imports/ledger-import.handler';
import { JournalHandler } from './journal/journal.handler';
import { HeartbeatHandler } from './jobs/heartbeat.handler';
import { JobRegistry } from './jobs/job-registry';
import { JobSchedules } from './jobs/job-schedules';
import { QueueProcessor, WORKER_CONCURRENCY } from './jobs/queue.processor';
import { redisProvider } from './redis.provider';
import { systemClock, WORKER_CLOCK, type Clock } from './worker-clock';
import { redisConnection, type WorkerConfig } from './worker-config';

export interface WorkerModuleOptions {
  /** Tests pass a ManualClock and move it instead of sleeping. */
  clock?: Clock;
  /** Overrides the SMTP mailer built from the config (tests capture e-mails). */
  mailer?: AlertMailer | null;
}

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig, options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        // The shared zod schema checks the environment when the worker is built.
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          validate: (env) => parseEnvironment(workerEnvironmentSchema, env),
        }),
        DiscoveryModule,
        BullModule.forRoot({
          connection: redisConnection(config.redisUrl),
          prefix: config.queuePrefix,
        }),
        BullModule.registerQueue({ name: QUEUE_NAME }),
      ],
      providers: [
        redisProvider(config),
        dataSourceProvider(config),
        { provide: WORKER_CLOCK, useValue: options.clock ?? systemClock },
        {
          provide: ALERT_MAILER,
          useFactory: () =>
            options.mailer !== undefined ? options.mailer : mailerFromConfig(config),
        },
        { provide: SHUTDOWN_TIMEOUT_MS, useValue: config.shutdownTimeoutMs },
        { provide: WORKER_CONCURRENCY, useValue: config.concurrency },
        ...useCaseProviders,
        DataSourceCloser,
        JobRegistry,
        QueueProcessor,
        GracefulShutdown,
        JobSchedules,
        HeartbeatHandler,
        DeadlinesHandler,
        AlertsHandler,
        LedgerImportHandler,
        JournalHandler,
      ],
    };
  }
}

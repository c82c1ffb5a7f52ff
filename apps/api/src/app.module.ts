import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { dataSourceOptions } from '@gongkai/persistence';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { type ApiConfig } from './config/api-config';
import { ApiConfigModule } from './config/config.module';
import { AuthModule } from './auth/auth.module';
import { CLOCK, type Clock, systemClock } from './common/clock';
import { HealthModule } from './health/health.module';
import { CasesModule } from './cases/cases.module';
import { ReportsModule } from './reports/reports.module';
import { ProceedingsModule } from './proceedings/proceedings.module';
import { Section2Module } from './section2/section2.module';
import { CalendarModule } from './calendar/calendar.module';
import { FeesModule } from './fees/fees.module';
import { LettersModule } from './letters/letters.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ImportsModule } from './imports/imports.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { JournalModule } from './journal/journal.module';
import { publicThrottlerOptions } from './common/public-rate-limit';
import { RateLimitModule } from './common/rate-limit.module';
import { RedisThrottlerStorage } from './common/redis-throttler.storage';
import { JobsModule } from './jobs/jobs.module';
import { MetricsModule } from './metrics/metrics.module';
import { OnlineModule } from './online/online.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ApiConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
            ],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, config.databasePoolSize),
          // Fail fast with a clear message instead of retrying for half a minute.
          retryAttempts: 2,
          retryDelay: 1000,
        }),
        // The public routes' limits, read when each app instance starts; applied by
        // PublicThrottlerGuard on the public controllers only. Counted in Redis, so several API
        // instances share one count (failing open to per-process counts while Redis is away).
        ThrottlerModule.forRootAsync({
          imports: [RateLimitModule],
          inject: [RedisThrottlerStorage],
          useFactory: (storage: RedisThrottlerStorage) => ({
            ...publicThrottlerOptions(),
            storage,
          }),
        }),
        HealthModule,
        AuthModule,
        CasesModule,
        ReportsModule,
        ProceedingsModule,
        Section2Module,
        CalendarModule,
        LettersModule,
        FeesModule,
        NotificationsModule,
        JobsModule,
        MetricsModule,
        OnlineModule,
        ImportsModule,
        AttachmentsModule,
        JournalModule,
      ],
      providers: [
        { provide: CLOCK, useValue: clock },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
      exports: [CLOCK],
      global: true,
    };
  }
}

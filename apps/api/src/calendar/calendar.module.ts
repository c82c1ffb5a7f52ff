import { Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { GetCalendarYear, LoadCalendarYear, PreviewCalendarYear } from '@gongkai/application';
import { CaseTransitionService } from '@gongkai/persistence';
import { CasesModule } from '../cases/cases.module';
import { CLOCK, type Clock } from '../common/clock';
import { CalendarController } from './calendar.controller';

const DB = getDataSourceToken();
const logger = new Logger('LoadCalendarYear');

@Module({
  imports: [CasesModule],
  controllers: [CalendarController],
  providers: [
    {
      provide: GetCalendarYear,
      inject: [DB],
      useFactory: (db: DataSource) => new GetCalendarYear(db),
    },
    {
      provide: PreviewCalendarYear,
      inject: [DB, CaseTransitionService],
      useFactory: (db: DataSource, transitions: CaseTransitionService) =>
        new PreviewCalendarYear(db, transitions),
    },
    {
      provide: LoadCalendarYear,
      inject: [DB, CaseTransitionService, CLOCK],
      useFactory: (db: DataSource, transitions: CaseTransitionService, clock: Clock) =>
        new LoadCalendarYear(db, transitions, clock, (id, error) =>
          logger.error(`deadlines of case ${id} not recomputed: ${error.message}`),
        ),
    },
  ],
})
export class CalendarModule {}

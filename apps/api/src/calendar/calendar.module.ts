import { Logger, Module } from '@nestjs/common';
import {
  CaseTransitionService,
  GetCalendarYear,
  LoadCalendarYear,
  PreviewCalendarYear,
} from '@gongkai/application';
import { CasesModule } from '../cases/cases.module';
import { CLOCK, type Clock } from '../common/clock';
import { DATA_SOURCE as DB, type UseCaseDataSource as Db } from '../database.token';
import { CalendarController } from './calendar.controller';

const logger = new Logger('LoadCalendarYear');

@Module({
  imports: [CasesModule],
  controllers: [CalendarController],
  providers: [
    {
      provide: GetCalendarYear,
      inject: [DB],
      useFactory: (db: Db) => new GetCalendarYear(db),
    },
    {
      provide: PreviewCalendarYear,
      inject: [DB, CaseTransitionService],
      useFactory: (db: Db, transitions: CaseTransitionService) =>
        new PreviewCalendarYear(db, transitions),
    },
    {
      provide: LoadCalendarYear,
      inject: [DB, CaseTransitionService, CLOCK],
      useFactory: (db: Db, transitions: CaseTransitionService, clock: Clock) =>
        new LoadCalendarYear(db, transitions, clock, (id, error) =>
          logger.error(`deadlines of case ${id} not recomputed: ${error.message}`),
        ),
    },
  ],
})
export class CalendarModule {}

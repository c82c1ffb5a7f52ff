import { Module } from '@nestjs/common';
import { ReadPublishedReports, ReadStatistics, ReportLifecycle } from '@gongkai/application';
import { onDataSource, onDataSourceAndClock } from '../database.token';
import { PublicReportsController } from '../public/public-reports.controller';
import { PublicReportsService } from '../public/public-reports.service';
import { StatisticsController } from '../statistics/statistics.controller';
import { StatisticsService } from '../statistics/statistics.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** The annual report: statistics, the draft's lifecycle, and the public site's read routes. */
@Module({
  controllers: [ReportsController, StatisticsController, PublicReportsController],
  providers: [
    onDataSource(ReadStatistics),
    onDataSourceAndClock(ReportLifecycle),
    onDataSource(ReadPublishedReports),
    ReportsService,
    StatisticsService,
    PublicReportsService,
  ],
  exports: [ReportsService, StatisticsService],
})
export class ReportsModule {}

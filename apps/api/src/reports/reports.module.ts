import { Module } from '@nestjs/common';
import { ReadStatistics } from '@gongkai/application';
import { onDataSource } from '../database.token';
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
    ReportsService,
    StatisticsService,
    PublicReportsService,
  ],
  exports: [ReportsService, StatisticsService],
})
export class ReportsModule {}

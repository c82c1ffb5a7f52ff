import { Controller, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';
import {
  onlyThrottler,
  PUBLIC_READ_THROTTLER,
  PublicThrottlerGuard,
} from '../common/public-rate-limit';
import { PublicDownloadQueryDto } from '../reports/reports.dto';
import { ReportYearPipe } from '../reports/report-year.pipe';
import { PublicReportsService } from './public-reports.service';

/** The public site (no sign-in): published reports only, rate-limited per client address. */
@ApiTags('public')
@Public()
@UseGuards(PublicThrottlerGuard)
@SkipThrottle(onlyThrottler(PUBLIC_READ_THROTTLER))
@Controller('public')
export class PublicReportsController {
  constructor(private readonly reports: PublicReportsService) {}

  @Get('agencies')
  @ApiOperation({ summary: '机关树（公开）' })
  agencies() {
    return this.reports.agencies();
  }

  @Get('reports')
  @ApiOperation({ summary: '已发布年度报告的开放数据索引' })
  index() {
    return this.reports.index();
  }

  @Get('reports/:agencyCode/:year')
  @ApiOperation({ summary: '已发布年度报告（最新版本）' })
  latest(@Param('agencyCode') code: string, @Param('year', ReportYearPipe) year: number) {
    return this.reports.report(code, year);
  }

  @Get('reports/:agencyCode/:year/download')
  @ApiOperation({ summary: '下载已发布年度报告（最新版本）' })
  downloadLatest(
    @Param('agencyCode') code: string,
    @Param('year', ReportYearPipe) year: number,
    @Query() query: PublicDownloadQueryDto,
  ) {
    return this.reports.download(code, year, query);
  }

  @Get('reports/:agencyCode/:year/versions/:version')
  @ApiOperation({ summary: '已发布年度报告的指定版本' })
  version(
    @Param('agencyCode') code: string,
    @Param('year', ReportYearPipe) year: number,
    @Param('version', ParseIntPipe) version: number,
  ) {
    return this.reports.report(code, year, version);
  }

  @Get('reports/:agencyCode/:year/versions/:version/download')
  @ApiOperation({ summary: '下载已发布年度报告的指定版本' })
  downloadVersion(
    @Param('agencyCode') code: string,
    @Param('year', ReportYearPipe) year: number,
    @Param('version', ParseIntPipe) version: number,
    @Query() query: PublicDownloadQueryDto,
  ) {
    return this.reports.download(code, year, query, version);
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { StatisticsCellQueryDto, StatisticsQueryDto } from '../reports/reports.dto';
import { ReportYearPipe } from '../reports/report-year.pipe';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Roles('clerk', 'leader', 'auditor', 'admin')
  @Get(':year')
  @ApiOperation({ summary: '第三、四部分实时统计（本机关，或 subtree=true 时含下级机关）' })
  tables(
    @CurrentUser() user: SessionUser,
    @Param('year', ReportYearPipe) year: number,
    @Query() query: StatisticsQueryDto,
  ) {
    return this.statistics.tables(user, year, query);
  }

  @Roles('clerk', 'leader', 'auditor', 'admin')
  @Get(':year/cells')
  @ApiOperation({ summary: '单元格明细：计入该格的案件（第三部分）或复议诉讼（第四部分）' })
  @ApiResponse({ status: 400, description: '没有该行或该列' })
  cell(
    @CurrentUser() user: SessionUser,
    @Param('year', ReportYearPipe) year: number,
    @Query() query: StatisticsCellQueryDto,
  ) {
    return this.statistics.cell(user, year, query);
  }
}

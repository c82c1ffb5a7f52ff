import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetCalendarYear, LoadCalendarYear, PreviewCalendarYear } from '@gongkai/application';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { YearParam } from '../common/year-param.pipe';
import { PutCalendarYearDto } from './calendar.dto';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly years: GetCalendarYear,
    private readonly previews: PreviewCalendarYear,
    private readonly loads: LoadCalendarYear,
  ) {}

  @Get(':year')
  @ApiOperation({ summary: '某年节假日安排（已载入、内置或缺失）' })
  get(@Param('year', YearParam) year: number) {
    return this.years.execute(year);
  }

  @Roles('admin')
  @Post(':year/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: '预览载入某年节假日安排对未办结案件期限的影响（不保存）',
  })
  preview(
    @CurrentUser() user: SessionUser,
    @Param('year', YearParam) year: number,
    @Body() body: PutCalendarYearDto,
  ) {
    return this.previews.execute(user, year, body);
  }

  @Roles('admin')
  @Put(':year')
  @ApiOperation({
    summary: '载入或更正某年节假日安排，并重新计算未办结案件的期限（仅顶级机关管理员）',
  })
  load(
    @CurrentUser() user: SessionUser,
    @Param('year', YearParam) year: number,
    @Body() body: PutCalendarYearDto,
  ) {
    return this.loads.execute(user, year, body);
  }
}

import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { YearParam } from '../common/year-param.pipe';
import { PutCalendarYearDto } from './calendar.dto';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':year')
  @ApiOperation({ summary: '某年节假日安排（已载入、内置或缺失）' })
  get(@Param('year', YearParam) year: number) {
    return this.calendar.get(year);
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
    return this.calendar.preview(user, year, body);
  }

  @Roles('admin')
  @Put(':year')
  @ApiOperation({ summary: '载入或更正某年节假日安排，并重新计算未办结案件的期限' })
  load(
    @CurrentUser() user: SessionUser,
    @Param('year', YearParam) year: number,
    @Body() body: PutCalendarYearDto,
  ) {
    // The State Council's arrangement is national data: changing it re-dates every agency's
    // cases, so only an administrator of a root agency may; a subordinate one previews only.
    if (!user.rootAgency) {
      throw new ForbiddenException({
        message: '节假日安排为全国统一数据，只有顶级机关的管理员可以载入或更正',
        code: 'calendar_root_admin_only',
      });
    }
    return this.calendar.load(user, year, body);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { JournalSearchQueryDto } from './journal.dto';
import { JournalService } from './journal.service';
import { ROUTE_ROLES } from '@gongkai/contracts';

@ApiTags('journal')
@Controller()
export class JournalController {
  constructor(private readonly journal: JournalService) {}

  @Roles(...ROUTE_ROLES.searchJournal)
  @Get('journal')
  @ApiOperation({
    summary: '跨案件检索办理记录（日志）：按类型、操作人、记录日期、案号或内容筛选，最新在前',
  })
  @ApiResponse({ status: 400, description: '筛选条件有误' })
  search(@CurrentUser() user: SessionUser, @Query() query: JournalSearchQueryDto) {
    return this.journal.search(user, query);
  }
}

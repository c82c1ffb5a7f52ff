import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import {
  CaseListQueryDto,
  ReassignCaseDto,
  RegisterApplicationDto,
  RevealIdentityDto,
  SendCaseEventDto,
} from './cases.dto';
import { CasesService } from './cases.service';
import { ROUTE_ROLES } from '@gongkai/contracts';

@ApiTags('cases')
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Roles('clerk')
  @Post('cases')
  @ApiOperation({ summary: '登记政府信息公开申请' })
  @ApiResponse({ status: 201, description: '已登记：案件及当前可办理的操作' })
  @ApiResponse({ status: 400, description: '输入有误（身份证校验码、电话、日期、代码）' })
  register(@CurrentUser() user: SessionUser, @Body() body: RegisterApplicationDto) {
    return this.cases.register(user, body);
  }

  @Roles(...ROUTE_ROLES.readCases)
  @Get('cases')
  @ApiOperation({ summary: '案件列表（按状态、期限、年度、申请人类型、办理结果、关键词筛选）' })
  list(@CurrentUser() user: SessionUser, @Query() query: CaseListQueryDto) {
    return this.cases.list(user, query);
  }

  @Roles(...ROUTE_ROLES.readCases)
  @Get('cases/:id')
  @ApiOperation({ summary: '案件详情：登记事实、期限及推算过程、当前用户可办理的操作' })
  @ApiResponse({ status: 404, description: '案件不存在或不在本人可见范围' })
  detail(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.cases.detail(user, id);
  }

  @Roles('clerk', 'leader')
  @Post('cases/:id/events')
  @HttpCode(200)
  @ApiOperation({ summary: '办理一个环节（状态机事件）' })
  @ApiResponse({ status: 200, description: '已办理：新的案件视图及可办理的操作' })
  @ApiResponse({ status: 400, description: '操作内容有误' })
  @ApiResponse({ status: 409, description: '案件已被他人修改（expectedVersion 不符）' })
  @ApiResponse({ status: 422, description: '当前状态或期限不允许该操作，附原因' })
  sendEvent(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: SendCaseEventDto,
  ) {
    return this.cases.sendEvent(user, id, body);
  }

  @Roles('leader', 'admin')
  @Put('cases/:id/assignee')
  @ApiOperation({ summary: '改派经办人（记入办理记录）' })
  @ApiResponse({ status: 200, description: '已改派：新的案件视图' })
  @ApiResponse({ status: 409, description: '案件已被他人修改（expectedVersion 不符）' })
  @ApiResponse({ status: 422, description: '所选人员不是本案所属机关在岗的经办人员，或案件已办结' })
  reassign(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: ReassignCaseDto,
  ) {
    return this.cases.reassign(user, id, body);
  }

  @Roles(...ROUTE_ROLES.readCases)
  @Get('cases/:id/timeline')
  @ApiOperation({ summary: '案件办理记录（日志）' })
  timeline(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.cases.timeline(user, id);
  }

  @Roles('clerk', 'leader', 'auditor')
  @Post('cases/:id/identity/reveal')
  @HttpCode(200)
  @ApiOperation({ summary: '查看申请人完整身份证号码（记录查看人）' })
  reveal(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: RevealIdentityDto,
  ) {
    return this.cases.revealIdentity(user, id, body.reason);
  }

  @Roles(...ROUTE_ROLES.verifyJournal)
  @Get('cases/:id/journal/verify')
  @ApiOperation({ summary: '校验本案日志哈希链，报告第一处断链' })
  verifyCase(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.cases.verifyCase(user, id);
  }

  @Roles(...ROUTE_ROLES.verifyJournal)
  @Get('journal/verify')
  @ApiOperation({ summary: '校验可见范围内全部案件的日志哈希链' })
  verifyAll(@CurrentUser() user: SessionUser, @Query('agencyId') agencyId?: string) {
    return this.cases.verifyAll(user, agencyId);
  }

  @Roles('leader')
  @Get('approvals')
  @ApiOperation({ summary: '待本人审批的答复决定和延期申请' })
  approvals(@CurrentUser() user: SessionUser) {
    return this.cases.approvals(user);
  }
}

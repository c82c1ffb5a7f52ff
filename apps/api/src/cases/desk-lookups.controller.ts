import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { localDateInShanghai } from '@gongkai/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { CLOCK, type Clock } from '../common/clock';
import { DeskLookupsService } from './desk-lookups.service';
import { ROUTE_ROLES } from '@gongkai/contracts';

const dashboardQuerySchema = z.object({
  year: z.coerce.number().int('年份应为整数').min(2000).max(2999).optional(),
});
class DashboardQueryDto extends createZodDto(dashboardQuerySchema) {}

const revealsQuerySchema = z.object({ caseId: z.uuid('案件编号格式有误').optional() });
class RevealsQueryDto extends createZodDto(revealsQuerySchema) {}

const approvalPolicySchema = z.object({
  decisionSteps: z
    .int('审批级数应为整数')
    .min(1, '答复决定至少需要1级审批')
    .max(5, '审批级数最多5级'),
});
class ApprovalPolicyDto extends createZodDto(approvalPolicySchema) {}

@ApiTags('desk')
@Controller()
export class DeskLookupsController {
  constructor(
    private readonly lookups: DeskLookupsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Roles('clerk', 'leader', 'auditor', 'admin')
  @Get('dashboard')
  @ApiOperation({
    summary: '工作台：我的待办（超期在前，再按最近期限）、按月按渠道收件、年度办理结果、按时答复率',
  })
  dashboard(@CurrentUser() user: SessionUser, @Query() query: DashboardQueryDto) {
    const today = localDateInShanghai(this.clock.now());
    return this.lookups.dashboard(user, query.year ?? Number(today.slice(0, 4)), today);
  }

  @Roles('clerk', 'leader', 'admin')
  @Get('clerks')
  @ApiOperation({ summary: '本机关在岗的经办人员（登记、改派时选择经办人）' })
  clerks(@CurrentUser() user: SessionUser) {
    return this.lookups.clerks(user);
  }

  @Roles(...ROUTE_ROLES.identityReveals)
  @Get('identity-reveals')
  @ApiOperation({ summary: '身份证号码查看记录（谁在何时查看了哪一件的完整号码）' })
  reveals(@CurrentUser() user: SessionUser, @Query() query: RevealsQueryDto) {
    return this.lookups.identityReveals(user, query.caseId);
  }

  @Roles('admin', 'leader', 'clerk')
  @Get('approval-policy')
  @ApiOperation({ summary: '本机关答复决定的审批级数' })
  approvalPolicy(@CurrentUser() user: SessionUser) {
    return this.lookups.approvalPolicy(user);
  }

  @Roles('admin')
  @Put('approval-policy')
  @ApiOperation({ summary: '设置本机关答复决定的审批级数（对此后登记的案件生效）' })
  setApprovalPolicy(@CurrentUser() user: SessionUser, @Body() body: ApprovalPolicyDto) {
    return this.lookups.setApprovalPolicy(user, body.decisionSteps);
  }
}

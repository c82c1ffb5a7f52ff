import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { CLOCK, type Clock } from '../common/clock';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One run per agency and minute: a repeated click while it runs adds nothing. */
  @Roles('admin')
  @Post('alerts')
  @HttpCode(202)
  @ApiOperation({ summary: '立即生成预警与督办（管理员；本人可见范围内的机关）' })
  @ApiResponse({ status: 503, description: '任务队列（Redis）暂时不可用' })
  runAlerts(@CurrentUser() user: SessionUser) {
    const minute = this.clock.now().toISOString().slice(0, 16);
    return this.jobs.enqueue(
      'alerts.daily',
      { agencyId: user.agencyId, agencyIds: [...user.scopeAgencyIds] },
      ['manual', user.agencyId, minute],
    );
  }

  @Roles('admin')
  @Get('failed')
  @ApiOperation({ summary: '失败的后台任务（管理员；本人可见范围内的机关及系统任务）' })
  @ApiResponse({ status: 503, description: '任务队列（Redis）暂时不可用' })
  failed(@CurrentUser() user: SessionUser) {
    return this.jobs.failed(user);
  }

  @Roles('clerk', 'leader', 'auditor', 'admin')
  @Get(':id')
  @ApiOperation({ summary: '后台任务的状态、进度和结果（导入、生成报告）' })
  @ApiResponse({ status: 404, description: '任务不存在或不在本人可见范围' })
  @ApiResponse({ status: 503, description: '任务队列（Redis）暂时不可用' })
  find(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    if (id.length > 300) throw new NotFoundException('任务不存在');
    return this.jobs.find(user, id);
  }
}

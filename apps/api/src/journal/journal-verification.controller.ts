import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ROUTE_ROLES } from '@gongkai/contracts';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { JournalVerificationService } from './journal-verification.service';

@ApiTags('journal')
@Controller('journal')
export class JournalVerificationController {
  constructor(private readonly verification: JournalVerificationService) {}

  @Roles(...ROUTE_ROLES.verifyJournal)
  @Post('verifications')
  @HttpCode(202)
  @ApiOperation({
    summary:
      '日志校验（任务 journal.verify）：哈希链、按状态机重放比对、对照签名检查点；用 GET /api/jobs/{jobId} 查询进度和结果',
  })
  @ApiResponse({ status: 503, description: '任务队列不可用' })
  start(@CurrentUser() user: SessionUser) {
    return this.verification.start(user);
  }

  @Roles(...ROUTE_ROLES.verifyJournal)
  @Get('checkpoints')
  @ApiOperation({ summary: '签名检查点（时间、签名公钥指纹、默克尔根），最新在前' })
  checkpoints(@CurrentUser() user: SessionUser) {
    return this.verification.checkpoints(user);
  }

  @Roles(...ROUTE_ROLES.verifyJournal)
  @Get('checkpoints/:id/file')
  @ApiProduces('application/json')
  @ApiOperation({ summary: '下载检查点文件，交审计人员离线保管（gongkai verify --checkpoint）' })
  @ApiResponse({ status: 404, description: '检查点不存在或含本机关范围以外的案件' })
  async file(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { name, body } = await this.verification.file(user, id);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    return new StreamableFile(body);
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { ImportLedgerDto } from './imports.dto';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Roles('clerk', 'admin')
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: '导入本机关的依申请公开台账（JSON Lines 或 Excel）' })
  @ApiResponse({ status: 200, description: '已导入：导入、未变及标记的行' })
  @ApiResponse({ status: 422, description: '有不能导入的行：逐行列明原因，未导入任何一行' })
  import(@CurrentUser() user: SessionUser, @Body() body: ImportLedgerDto) {
    return this.imports.import(user, body);
  }

  @Roles('clerk', 'admin')
  @Post('jobs')
  @HttpCode(202)
  @ApiOperation({
    summary: '在后台导入台账（任务 ledger.import）：用 GET /api/jobs/{jobId} 查询进度和结果',
  })
  @ApiResponse({ status: 202, description: '已排队：{ jobId }；结果与同步导入的报告相同' })
  @ApiResponse({ status: 503, description: '任务队列（Redis）暂时不可用' })
  enqueue(@CurrentUser() user: SessionUser, @Body() body: ImportLedgerDto) {
    return this.imports.enqueue(user, body);
  }
}

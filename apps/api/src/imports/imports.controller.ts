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
}

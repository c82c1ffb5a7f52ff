import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { UuidParam } from '../common/uuid-param.pipe';
import { contentDisposition } from '@gongkai/application';
import {
  AttachmentDownloadsQueryDto,
  UploadAttachmentDto,
  WithdrawAttachmentDto,
} from './attachments.dto';
import { AttachmentsService } from './attachments.service';
import { ROUTE_ROLES } from '@gongkai/contracts';

@ApiTags('attachments')
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Roles('clerk')
  @Post('cases/:id/attachments')
  @ApiOperation({
    summary:
      '上传案件附件（申请书、身份证明、补正材料、送达回证等；base64，解码后不超过 20 MB），记入案件日志',
  })
  @ApiResponse({ status: 201, description: '已保存：附件信息（不含内容）' })
  @ApiResponse({ status: 400, description: '输入有误（base64、附件类别、文件类型、空文件）' })
  @ApiResponse({ status: 404, description: '案件不存在或不在本人可见范围' })
  @ApiResponse({ status: 413, description: '文件超过 20 MB' })
  @ApiResponse({ status: 422, description: '文件内容或扩展名与所选文件类型不符' })
  upload(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: UploadAttachmentDto,
  ) {
    return this.attachments.upload(user, id, body);
  }

  @Roles('clerk', 'leader', 'auditor', 'admin')
  @Get('cases/:id/attachments')
  @ApiOperation({ summary: '案件附件列表（含已撤回的，不含文件内容）' })
  @ApiResponse({ status: 404, description: '案件不存在或不在本人可见范围' })
  list(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.attachments.list(user, id);
  }

  @Roles('clerk', 'leader', 'auditor', 'admin')
  @Get('cases/:id/attachments/:attachmentId/content')
  @ApiOperation({ summary: '下载附件原文件（每次下载记入附件查阅记录，记录失败则不提供文件）' })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 404, description: '案件或附件不存在' })
  async content(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Param('attachmentId', UuidParam) attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.attachments.content(user, id, attachmentId);
    // Identity documents: no shared cache keeps a copy, and the browser never guesses the type.
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(file.content, {
      type: file.mediaType,
      disposition: contentDisposition(file.fileName),
      length: file.content.length,
    });
  }

  @Roles(...ROUTE_ROLES.attachmentDownloads)
  @Get('attachment-downloads')
  @ApiOperation({
    summary: '附件查阅记录（谁在何时下载了哪一件的哪个附件），本人可见范围内，最新在前，分页',
  })
  @ApiResponse({ status: 400, description: '查询条件有误' })
  downloads(@CurrentUser() user: SessionUser, @Query() query: AttachmentDownloadsQueryDto) {
    return this.attachments.downloads(user, query);
  }

  @Roles('clerk')
  @Post('cases/:id/attachments/:attachmentId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回附件（保留原文件和记录，注明原因，记入案件日志）' })
  @ApiResponse({ status: 200, description: '已撤回：附件信息' })
  @ApiResponse({ status: 404, description: '案件或附件不存在' })
  @ApiResponse({ status: 409, description: '附件已撤回' })
  withdraw(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Param('attachmentId', UuidParam) attachmentId: string,
    @Body() body: WithdrawAttachmentDto,
  ) {
    return this.attachments.withdraw(user, id, attachmentId, body.reason);
  }
}

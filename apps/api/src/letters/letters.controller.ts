import type { ApplicableLettersResponse, LetterPreviewResponse } from '@gongkai/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Put,
  Res,
  StreamableFile,
  NotFoundException,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { isLetterKind, LETTER_PLACEHOLDERS, type LetterKind } from '@gongkai/application';
import { LettersService } from './letters.service';

const putTemplateSchema = z.object({
  title: z.string({ error: '请填写文书标题' }).trim().min(1, '请填写文书标题').max(100),
  paragraphs: z
    .array(z.string().max(4000, '每段不能超过4000个字'), { error: '正文应为段落列表' })
    .min(1, '正文至少一段')
    .max(100, '正文最多100段'),
});
class PutLetterTemplateDto extends createZodDto(putTemplateSchema) {}

function letterKind(kind: string): LetterKind {
  if (!isLetterKind(kind)) {
    throw new NotFoundException({ message: `没有这种文书：${kind}`, code: 'letter_kind_unknown' });
  }
  return kind;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('letters')
@Controller()
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Roles('clerk', 'leader', 'auditor')
  @Get('cases/:id/letters')
  @ApiOperation({ summary: '本案的历史所适用的文书种类（未延期的案件没有延期答复告知书）' })
  async applicable(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
  ): Promise<ApplicableLettersResponse> {
    return { kinds: await this.letters.applicable(user, id) };
  }

  @Roles('clerk', 'leader', 'auditor')
  @Get('cases/:id/letters/:kind/preview')
  @ApiOperation({ summary: '文书预览（标题和段落）；答复决定审批前可预览草稿' })
  async preview(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Param('kind') kind: string,
  ): Promise<LetterPreviewResponse> {
    const { title, paragraphs, draft } = await this.letters.compose(user, id, letterKind(kind));
    return { kind, title, paragraphs, draft };
  }

  @Roles('clerk', 'leader', 'auditor')
  @Get('cases/:id/letters/:kind')
  @ApiOperation({
    summary:
      '生成文书（DOCX）：receipt 受理回执、supplement 补正告知书、extension 延期答复告知书、consultation 征求第三方意见书、fee 收费通知书、decision 答复书、service 送达回证',
  })
  @ApiProduces(DOCX)
  async letter(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { fileName, buffer } = await this.letters.render(user, id, letterKind(kind));
    res.setHeader('Content-Type', DOCX);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="letter.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    return new StreamableFile(buffer);
  }

  @Roles('admin', 'clerk', 'leader')
  @Get('letter-templates')
  @ApiOperation({ summary: '本机关的文书模板（未修改的为内置模板）及可用占位符' })
  async templates(@CurrentUser() user: SessionUser) {
    return { templates: await this.letters.templates(user), placeholders: LETTER_PLACEHOLDERS };
  }

  @Roles('admin', 'clerk', 'leader')
  @Get('letter-templates/:kind')
  @ApiOperation({ summary: '一种文书的模板' })
  template(@CurrentUser() user: SessionUser, @Param('kind') kind: string) {
    return this.letters.template(user.agencyId, letterKind(kind));
  }

  @Roles('admin')
  @Put('letter-templates/:kind')
  @ApiOperation({ summary: '修改本机关的文书模板（标题和段落，{{占位符}}）' })
  save(
    @CurrentUser() user: SessionUser,
    @Param('kind') kind: string,
    @Body() body: PutLetterTemplateDto,
  ) {
    return this.letters.save(user, letterKind(kind), body);
  }

  @Roles('admin')
  @Delete('letter-templates/:kind')
  @ApiOperation({ summary: '恢复内置模板' })
  reset(@CurrentUser() user: SessionUser, @Param('kind') kind: string) {
    return this.letters.reset(user, letterKind(kind));
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { SimilarCasesService } from './similar-cases.service';

const similarCasesQuerySchema = z.object({
  name: z
    .string({ error: '请提供申请人姓名或名称' })
    .trim()
    .min(1, '请提供申请人姓名或名称')
    .max(100),
  request: z.string().max(4000, '申请内容不能超过4000个字').optional(),
});
class SimilarCasesQueryDto extends createZodDto(similarCasesQuerySchema) {}

// Registered before CasesController so that `cases/similar` is not taken for `cases/:id`.
@ApiTags('cases')
@Controller()
export class SimilarCasesController {
  constructor(private readonly similar: SimilarCasesService) {}

  @Roles('clerk', 'leader', 'auditor')
  @Get('cases/similar')
  @ApiOperation({ summary: '同一申请人此前内容相近的申请（可能的重复申请，第三十六条第（六）项）' })
  @ApiResponse({ status: 200, description: '按相似度排序，最多10件' })
  find(@CurrentUser() user: SessionUser, @Query() query: SimilarCasesQueryDto) {
    return this.similar.find(user, query.name, query.request);
  }
}

import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { computeFeeQuerySchema, type ComputedFeeView } from '@gongkai/contracts';
import { ComputeFeeUseCase, FeeCaseNotFound } from '@gongkai/application';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';

class ComputeFeeQueryDto extends createZodDto(computeFeeQuerySchema) {}

@ApiTags('fees')
@Controller()
export class FeesController {
  constructor(private readonly computeFee: ComputeFeeUseCase) {}

  @Roles('clerk', 'leader', 'auditor')
  @Get('cases/:id/fee')
  @ApiOperation({
    summary:
      '按国办函〔2020〕109号计算信息处理费：按件（申请人当月申请件数，取自登记数据）或按量（页数），附计算过程',
  })
  async fee(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Query() query: ComputeFeeQueryDto,
  ): Promise<ComputedFeeView> {
    const command =
      query.standard === 'per_page'
        ? { caseId: id, standard: 'per_page' as const, pages: query.pages ?? 0 }
        : { caseId: id, standard: 'per_application' as const };
    try {
      const fee = await this.computeFee.execute(command, user.scopeAgencyIds);
      return {
        ...fee,
        bands: fee.bands.map((b) => ({ ...b })),
        lines: [...fee.lines],
        linesEn: [...fee.linesEn],
        monthCases: fee.monthCases.map((c) => ({ ...c })),
      };
    } catch (error) {
      if (error instanceof FeeCaseNotFound)
        throw new NotFoundException({ message: '案件不存在', code: 'case_not_found' });
      throw error;
    }
  }
}

import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import { YearParam } from '../common/year-param.pipe';
import { PutSection2Dto, Section2QueryDto } from './section2.dto';
import { Section2Service } from './section2.service';

@ApiTags('section2')
@Controller('section2')
export class Section2Controller {
  constructor(private readonly section2: Section2Service) {}

  @Roles('clerk', 'leader', 'auditor')
  @Get(':year')
  @ApiOperation({ summary: '年度报告第二部分（主动公开）数据' })
  get(
    @CurrentUser() user: SessionUser,
    @Param('year', YearParam) year: number,
    @Query() query: Section2QueryDto,
  ) {
    return this.section2.get(user, year, query.agencyId);
  }

  @Roles('clerk')
  @Put(':year')
  @ApiOperation({ summary: '填报或更正第二部分数据（“/”不适用记为 null，与 0 不同）' })
  put(
    @CurrentUser() user: SessionUser,
    @Param('year', YearParam) year: number,
    @Body() body: PutSection2Dto,
  ) {
    return this.section2.put(user, year, body);
  }
}

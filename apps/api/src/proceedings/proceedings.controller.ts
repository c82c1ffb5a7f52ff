import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import {
  CreateProceedingDto,
  ProceedingListQueryDto,
  UpdateProceedingDto,
} from './proceedings.dto';
import { ProceedingsService } from './proceedings.service';

@ApiTags('proceedings')
@Controller('proceedings')
export class ProceedingsController {
  constructor(private readonly proceedings: ProceedingsService) {}

  @Roles('clerk', 'leader', 'auditor')
  @Get()
  @ApiOperation({ summary: '行政复议、行政诉讼记录' })
  list(@CurrentUser() user: SessionUser, @Query() query: ProceedingListQueryDto) {
    return this.proceedings.list(user, query);
  }

  @Roles('clerk', 'leader', 'auditor')
  @Get(':id')
  get(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.proceedings.get(user, id);
  }

  @Roles('clerk')
  @Post()
  @ApiOperation({ summary: '登记行政复议或行政诉讼' })
  create(@CurrentUser() user: SessionUser, @Body() body: CreateProceedingDto) {
    return this.proceedings.create(user, body);
  }

  @Roles('clerk')
  @Patch(':id')
  @ApiOperation({ summary: '修改复议诉讼记录（如登记审理结果）' })
  update(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: UpdateProceedingDto,
  ) {
    return this.proceedings.update(user, id, body);
  }

  @Roles('clerk')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除误登记的复议诉讼记录' })
  remove(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.proceedings.remove(user, id);
  }
}

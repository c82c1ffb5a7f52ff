import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';
import { ApplicationStatusQueryDto, OnlineApplicationDto } from './online.dto';
import {
  APPLY_THROTTLER,
  onlyThrottler,
  PublicThrottlerGuard,
  STATUS_THROTTLER,
} from '../common/public-rate-limit';
import { OnlineApplicationsService } from './online-applications.service';

/** 网上申请 and 申请查询: no account, rate-limited per client address. */
@ApiTags('public')
@Public()
@UseGuards(PublicThrottlerGuard)
@Controller('public/applications')
export class OnlineApplicationsController {
  constructor(private readonly applications: OnlineApplicationsService) {}

  @Post()
  @SkipThrottle(onlyThrottler(APPLY_THROTTLER))
  @ApiOperation({ summary: '网上提交政府信息公开申请（第二十九条），返回回执和查询码' })
  @ApiResponse({ status: 201, description: '已收到：回执（查询码、收到申请日期、答复期限）' })
  @ApiResponse({ status: 400, description: '输入有误，附各字段的错误' })
  @ApiResponse({ status: 429, description: '提交过于频繁' })
  apply(@Body() body: OnlineApplicationDto) {
    return this.applications.apply(body);
  }

  @Post('status')
  @HttpCode(200)
  @SkipThrottle(onlyThrottler(STATUS_THROTTLER))
  @ApiOperation({ summary: '凭查询码和电话号码后四位查询办理阶段和答复期限' })
  @ApiResponse({ status: 404, description: '查询码或电话号码后四位不符（不区分哪一项）' })
  @ApiResponse({ status: 429, description: '查询过于频繁' })
  status(@Body() body: ApplicationStatusQueryDto) {
    return this.applications.status(body);
  }
}

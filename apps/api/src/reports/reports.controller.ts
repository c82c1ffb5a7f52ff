import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type SessionUser } from '../auth/session-user';
import {
  ApproveReportDto,
  PublishReportDto,
  PutReportTextsDto,
  ReportDownloadQueryDto,
  ReportQueryDto,
  ReturnReportDto,
  SubmitReportDto,
} from './reports.dto';
import { ReportYearPipe } from './report-year.pipe';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Roles('clerk', 'leader', 'auditor', 'admin')
  @Get(':year')
  @ApiOperation({ summary: '年度报告草稿：实时数据、文字、勾稽关系核对、可办理的操作' })
  @ApiResponse({ status: 404, description: '机关不存在或不在本人可见范围' })
  view(
    @CurrentUser() user: SessionUser,
    @Param('year', ReportYearPipe) year: number,
    @Query() query: ReportQueryDto,
  ) {
    return this.reports.view(user, year, query);
  }

  @Roles('clerk')
  @Put(':year/texts')
  @ApiOperation({ summary: '编辑报告文字（一的五个部分、五、六及前言）' })
  @ApiResponse({ status: 409, description: '报告已提交或已被他人修改' })
  putTexts(
    @CurrentUser() user: SessionUser,
    @Param('year', ReportYearPipe) year: number,
    @Query() query: ReportQueryDto,
    @Body() body: PutReportTextsDto,
  ) {
    return this.reports.putTexts(user, year, query, body);
  }

  @Roles('clerk')
  @Post(':year/submit')
  @HttpCode(200)
  @ApiOperation({ summary: '提交审批（勾稽关系及跨年度核对须通过）' })
  @ApiResponse({ status: 422, description: '勾稽关系核对未通过，附未通过的核对项' })
  submit(
    @CurrentUser() user: SessionUser,
    @Param('year', ReportYearPipe) year: number,
    @Query() query: ReportQueryDto,
    @Body() body: SubmitReportDto,
  ) {
    return this.reports.submit(user, year, query, body);
  }

  @Roles('leader')
  @Post(':year/approve')
  @HttpCode(200)
  @ApiOperation({ summary: '审批通过' })
  approve(
    @CurrentUser() user: SessionUser,
    @Param('year', ReportYearPipe) year: number,
    @Query() query: ReportQueryDto,
    @Body() body: ApproveReportDto,
  ) {
    return this.reports.approve(user, year, query, body);
  }

  @Roles('leader')
  @Post(':year/return')
  @HttpCode(200)
  @ApiOperation({ summary: '退回修改（须填写意见）' })
  returnDraft(
    @CurrentUser() user: SessionUser,
    @Param('year', ReportYearPipe) year: number,
    @Query() query: ReportQueryDto,
    @Body() body: ReturnReportDto,
  ) {
    return this.reports.returnDraft(user, year, query, body);
  }

  @Roles('leader', 'admin')
  @Post(':year/publish')
  @HttpCode(200)
  @ApiOperation({ summary: '发布：冻结数据和文字为不可更改的版本（更正为新版本，须说明）' })
  @ApiResponse({ status: 422, description: '勾稽关系核对未通过，或更正未填写说明' })
  publish(
    @CurrentUser() user: SessionUser,
    @Param('year', ReportYearPipe) year: number,
    @Query() query: ReportQueryDto,
    @Body() body: PublishReportDto,
  ) {
    return this.reports.publish(user, year, query, body);
  }

  @Roles('clerk', 'leader', 'auditor', 'admin')
  @Get(':year/versions')
  @ApiOperation({ summary: '已发布的版本（版本号、SHA-256、更正说明）' })
  versions(
    @CurrentUser() user: SessionUser,
    @Param('year', ReportYearPipe) year: number,
    @Query() query: ReportQueryDto,
  ) {
    return this.reports.versions(user, year, query);
  }

  @Roles('clerk', 'leader', 'auditor', 'admin')
  @Get(':year/download')
  @ApiOperation({ summary: '下载报告（草稿实时生成；指定 version 为已发布版本的存档）' })
  download(
    @CurrentUser() user: SessionUser,
    @Param('year', ReportYearPipe) year: number,
    @Query() query: ReportDownloadQueryDto,
  ) {
    return this.reports.download(user, year, query);
  }
}

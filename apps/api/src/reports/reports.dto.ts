import { createZodDto } from 'nestjs-zod';
import {
  approveReportSchema,
  publicDownloadQuerySchema,
  publishReportSchema,
  putReportTextsSchema,
  reportDownloadQuerySchema,
  reportQuerySchema,
  returnReportSchema,
  statisticsCellQuerySchema,
  statisticsQuerySchema,
  submitReportSchema,
} from '@gongkai/contracts';

export class ReportQueryDto extends createZodDto(reportQuerySchema) {}
export class PutReportTextsDto extends createZodDto(putReportTextsSchema) {}
export class SubmitReportDto extends createZodDto(submitReportSchema) {}
export class ApproveReportDto extends createZodDto(approveReportSchema) {}
export class ReturnReportDto extends createZodDto(returnReportSchema) {}
export class PublishReportDto extends createZodDto(publishReportSchema) {}
export class ReportDownloadQueryDto extends createZodDto(reportDownloadQuerySchema) {}
export class PublicDownloadQueryDto extends createZodDto(publicDownloadQuerySchema) {}
export class StatisticsQueryDto extends createZodDto(statisticsQuerySchema) {}
export class StatisticsCellQueryDto extends createZodDto(statisticsCellQuerySchema) {}

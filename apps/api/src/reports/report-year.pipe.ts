import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { reportYearSchema } from '@gongkai/contracts';

/** `:year` of the report and statistics routes: an integer year, else a 400 a clerk can read. */
@Injectable()
export class ReportYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const parsed = reportYearSchema.safeParse(value);
    if (!parsed.success) {
      throw new BadRequestException({
        message: `年度有误：${parsed.error.issues[0]?.message ?? value}`,
        code: 'invalid_year',
      });
    }
    return parsed.data;
  }
}

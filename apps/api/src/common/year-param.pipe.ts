import { BadRequestException, type PipeTransform } from '@nestjs/common';

/** A report or calendar year in a path: an integer in a plausible range, else 400. */
export class YearParam implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = Number(value);
    if (!/^\d{4}$/.test(value) || year < 2000 || year > 2999) {
      throw new BadRequestException(`年份不正确：${value}`);
    }
    return year;
  }
}

import type { DataSource } from 'typeorm';
import { closeYear, type YearCloseOptions, type YearCloseResult } from '@gongkai/persistence';
import { CaseTransitionService } from '../cases/case-transition.service';

/**
 * Year close: records the carry-forward (YEAR_CLOSED) on every case open at 31 December
 * (Asia/Shanghai), after a last sweep; refuses a year that has not ended (YearCloseError).
 */
export class CloseYear {
  constructor(private readonly dataSource: DataSource) {}

  execute(options: YearCloseOptions): Promise<YearCloseResult> {
    const transitions = new CaseTransitionService(this.dataSource, { today: () => options.today });
    return closeYear(this.dataSource, transitions, options);
  }
}

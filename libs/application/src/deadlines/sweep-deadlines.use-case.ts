import type { DataSource } from 'typeorm';
import type { LocalDate } from '@gongkai/domain';
import { sweepDeadlines, type SweepOptions, type SweepResult } from '@gongkai/persistence';
import { CaseTransitionService } from '../cases/case-transition.service';

/**
 * One deadline sweep (补正, consultation and fee expiries sent as events by the system actor),
 * for the worker's `deadlines.sweep` job and `gongkai sweep` alike. Each case is re-checked under
 * its row lock, so a job delivered twice applies nothing twice.
 */
export class SweepDeadlines {
  constructor(private readonly dataSource: DataSource) {}

  /** `today` is the day the sweep acts on; transitions run with the same day. */
  execute(options: SweepOptions & { readonly today: LocalDate }): Promise<SweepResult> {
    const transitions = new CaseTransitionService(this.dataSource, { today: () => options.today });
    return sweepDeadlines(this.dataSource, transitions, options);
  }
}

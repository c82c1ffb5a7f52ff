import type { DataSource } from 'typeorm';
import type { DashboardFigures } from '@gongkai/contracts';
import { DeskLookupsRepository } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';

/** The workbench's figures for one year, over the reader's scope (the user's cases aside). */
export class ReadDeskFigures {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    reader: CaseReader,
    year: number,
    today: string,
  ): Promise<Omit<DashboardFigures, 'myCases'>> {
    const figures = await new DeskLookupsRepository(this.dataSource.manager).yearFigures(
      reader.scopeAgencyIds,
      `${year}-01-01`,
      `${year}-12-31`,
      today,
    );
    return {
      year,
      intake: figures.intake,
      outcomes: figures.outcomes,
      timeliness: figures.timeliness[0] ?? { served: 0, late: 0 },
      open: figures.open[0] ?? { total: 0, overdue: 0 },
    };
  }
}

import type { DataSource } from 'typeorm';
import type { AgencyView } from '@gongkai/contracts';
import { AgenciesRepository } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';
import { agencyView, managedAgencyIds } from './agency-view';

/** The agencies an administrator manages, in tree order. */
export class ListAgencies {
  constructor(private readonly dataSource: DataSource) {}

  async execute(reader: CaseReader): Promise<AgencyView[]> {
    const agencies = new AgenciesRepository(this.dataSource.manager);
    const rows = await agencies.inTreeOrder(await managedAgencyIds(agencies, reader));
    return rows.map(agencyView);
  }
}

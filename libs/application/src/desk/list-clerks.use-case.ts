import type { DataSource } from 'typeorm';
import type { ClerkOption } from '@gongkai/contracts';
import { DeskLookupsRepository } from '@gongkai/persistence';

/** Who a case of the agency can be assigned to: its active clerks, by name. */
export class ListClerks {
  constructor(private readonly dataSource: DataSource) {}

  execute(reader: { readonly agencyId: string }): Promise<ClerkOption[]> {
    return new DeskLookupsRepository(this.dataSource.manager).activeClerks(reader.agencyId);
  }
}

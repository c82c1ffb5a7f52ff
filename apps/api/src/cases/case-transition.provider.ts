import { type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { localDateInShanghai } from '@gongkai/domain';
import { CaseTransitionService } from '@gongkai/application';
import { CLOCK, type Clock } from '../common/clock';

/** The persistence library's transition service, on the API's data source and injected clock. */
export const caseTransitionProvider: Provider = {
  provide: CaseTransitionService,
  inject: [getDataSourceToken(), CLOCK],
  useFactory: (dataSource: DataSource, clock: Clock) =>
    new CaseTransitionService(dataSource, { today: () => localDateInShanghai(clock.now()) }),
};

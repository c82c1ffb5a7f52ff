import { type Provider } from '@nestjs/common';
import {
  CaseTimeline,
  CaseTransitionService,
  FindSimilarCases,
  ListClerks,
  ListIdentityReveals,
  ManageApprovalPolicy,
  ReadDeskFigures,
  ListApprovals,
  ListCases,
  ListMyOpenCases,
  ReadCase,
  RevealIdentity,
  VerifyCaseJournal,
  type Clock,
} from '@gongkai/application';
import { CLOCK } from '../common/clock';
import { DATA_SOURCE, onDataSource, type UseCaseDataSource as Db } from '../database.token';

/** The application layer's case use cases, on the API's data source and injected clock. */
export const caseUseCaseProviders: Provider[] = [
  {
    provide: CaseTransitionService,
    inject: [DATA_SOURCE, CLOCK],
    useFactory: (dataSource: Db, clock: Clock) => new CaseTransitionService(dataSource, { clock }),
  },
  {
    provide: ReadCase,
    inject: [DATA_SOURCE, CaseTransitionService],
    useFactory: (dataSource: Db, transitions: CaseTransitionService) =>
      new ReadCase(dataSource, transitions),
  },
  {
    provide: ListCases,
    inject: [DATA_SOURCE, CaseTransitionService],
    useFactory: (dataSource: Db, transitions: CaseTransitionService) =>
      new ListCases(dataSource, transitions),
  },
  {
    provide: ListMyOpenCases,
    inject: [DATA_SOURCE, CaseTransitionService],
    useFactory: (dataSource: Db, transitions: CaseTransitionService) =>
      new ListMyOpenCases(dataSource, transitions),
  },
  onDataSource(ListApprovals),
  {
    provide: CaseTimeline,
    inject: [DATA_SOURCE, ReadCase],
    useFactory: (dataSource: Db, cases: ReadCase) => new CaseTimeline(dataSource, cases),
  },
  {
    provide: RevealIdentity,
    inject: [DATA_SOURCE, CaseTransitionService, ReadCase],
    useFactory: (dataSource: Db, transitions: CaseTransitionService, cases: ReadCase) =>
      new RevealIdentity(dataSource, transitions, cases),
  },
  {
    provide: VerifyCaseJournal,
    inject: [DATA_SOURCE, ReadCase],
    useFactory: (dataSource: Db, cases: ReadCase) => new VerifyCaseJournal(dataSource, cases),
  },
  onDataSource(ReadDeskFigures),
  onDataSource(ListClerks),
  onDataSource(ListIdentityReveals),
  onDataSource(ManageApprovalPolicy),
  onDataSource(FindSimilarCases),
];

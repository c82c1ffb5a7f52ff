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
  onDataSource(ReadCase, CaseTransitionService),
  onDataSource(ListCases, CaseTransitionService),
  onDataSource(ListMyOpenCases, CaseTransitionService),
  onDataSource(ListApprovals),
  onDataSource(CaseTimeline, ReadCase),
  onDataSource(RevealIdentity, CaseTransitionService, ReadCase),
  onDataSource(VerifyCaseJournal, ReadCase),
  onDataSource(ReadDeskFigures),
  onDataSource(ListClerks),
  onDataSource(ListIdentityReveals),
  onDataSource(ManageApprovalPolicy),
  onDataSource(FindSimilarCases),
];

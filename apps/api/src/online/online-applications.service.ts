import { Injectable } from '@nestjs/common';
import type {
  ApplicationStatusQuery,
  ApplicationStatusView,
  OnlineApplicationReceipt,
  OnlineApplicationRequest,
} from '@gongkai/contracts';
import { LookUpApplicationStatus, SubmitOnlineApplication } from '@gongkai/application';
import { httpErrors } from '../cases/case-http-errors';

/** 网上申请 and the status look-up: each calls its use case and answers refusals as HTTP. */
@Injectable()
export class OnlineApplicationsService {
  constructor(
    private readonly submitApplication: SubmitOnlineApplication,
    private readonly lookUpStatus: LookUpApplicationStatus,
  ) {}

  apply(body: OnlineApplicationRequest): Promise<OnlineApplicationReceipt> {
    return httpErrors(() => this.submitApplication.execute(body));
  }

  status(query: ApplicationStatusQuery): Promise<ApplicationStatusView> {
    return httpErrors(() => this.lookUpStatus.execute(query));
  }
}

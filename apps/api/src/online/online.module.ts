import { Module } from '@nestjs/common';
import {
  CaseTransitionService,
  LookUpApplicationStatus,
  SubmitOnlineApplication,
} from '@gongkai/application';
import { CLOCK } from '../common/clock';
import { onDataSource } from '../database.token';
import { CasesModule } from '../cases/cases.module';
import { OnlineApplicationsController } from './online-applications.controller';
import { OnlineApplicationsService } from './online-applications.service';

/**
 * 网上申请: the public application form and status look-up, rate-limited by PublicThrottlerGuard
 * on this module's controller (no global guard, so signed-in routes are not limited).
 */
@Module({
  imports: [CasesModule],
  controllers: [OnlineApplicationsController],
  providers: [
    onDataSource(SubmitOnlineApplication, CaseTransitionService, CLOCK),
    onDataSource(LookUpApplicationStatus),
    OnlineApplicationsService,
  ],
})
export class OnlineModule {}

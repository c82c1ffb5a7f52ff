import { Module } from '@nestjs/common';
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
  providers: [OnlineApplicationsService],
})
export class OnlineModule {}

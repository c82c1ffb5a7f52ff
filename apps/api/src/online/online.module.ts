import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { CasesModule } from '../cases/cases.module';
import { OnlineApplicationsController } from './online-applications.controller';
import { OnlineApplicationsService } from './online-applications.service';
import { onlineThrottlerOptions } from './online-rate-limit';

/**
 * 网上申请: the public application form and status look-up. The throttler is registered here and
 * applied by this module's controller only (no global guard), so other routes are not limited.
 */
@Module({
  imports: [
    CasesModule,
    // A factory, so the limits are read from the environment when each app instance starts.
    ThrottlerModule.forRootAsync({ useFactory: () => onlineThrottlerOptions() }),
  ],
  controllers: [OnlineApplicationsController],
  providers: [OnlineApplicationsService],
})
export class OnlineModule {}

import { Module } from '@nestjs/common';
import { RateLimitModule } from '../common/rate-limit.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** JobsQueue comes from the global JobsModule. */
@Module({
  imports: [RateLimitModule],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class MetricsModule {}

import { Module } from '@nestjs/common';
import { CountCases } from '@gongkai/application';
import { onDataSource } from '../database.token';
import { RateLimitModule } from '../common/rate-limit.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** JobsQueue comes from the global JobsModule. */
@Module({
  imports: [RateLimitModule],
  controllers: [MetricsController],
  providers: [onDataSource(CountCases), MetricsService],
})
export class MetricsModule {}

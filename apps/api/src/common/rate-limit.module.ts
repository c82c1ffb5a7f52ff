import { Module } from '@nestjs/common';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** The one Redis-backed throttler storage of an app: ThrottlerModule counts with it, metrics read it. */
@Module({
  providers: [RedisThrottlerStorage],
  exports: [RedisThrottlerStorage],
})
export class RateLimitModule {}

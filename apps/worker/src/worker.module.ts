import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QUEUE_NAME } from '@gongkai/contracts';
import { HeartbeatHandler } from './jobs/heartbeat.handler';
import { JobRegistry } from './jobs/job-registry';
import { QueueProcessor } from './jobs/queue.processor';
import { redisProvider } from './redis.provider';
import { redisConnection, type WorkerConfig } from './worker-config';

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        DiscoveryModule,
        BullModule.forRoot({
          connection: redisConnection(config.redisUrl),
          prefix: config.queuePrefix,
        }),
        BullModule.registerQueue({ name: QUEUE_NAME }),
      ],
      providers: [redisProvider(config), JobRegistry, QueueProcessor, HeartbeatHandler],
    };
  }
}

import { Inject, type Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { type WorkerConfig } from './worker-config';

export const WORKER_REDIS = Symbol('WORKER_REDIS');
export const InjectRedis = (): ParameterDecorator => Inject(WORKER_REDIS);

/** A plain Redis client for the worker's own keys (BullMQ keeps its connections to itself). */
export function redisProvider(config: WorkerConfig): Provider {
  return {
    provide: WORKER_REDIS,
    useFactory: () => {
      const redis = new Redis(config.redisUrl, {
        keyPrefix: `${config.queuePrefix}:`,
        maxRetriesPerRequest: 3,
      });
      redis.on('error', () => undefined);
      return redis;
    },
  };
}

import { getQueueToken } from '@nestjs/bullmq';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueEvents, type Queue } from 'bullmq';
import { QUEUE_NAME } from '@gongkai/contracts';
import type { Redis } from 'ioredis';
import { HEARTBEAT_KEY } from './jobs/heartbeat.handler';
import { WORKER_REDIS } from './redis.provider';
import { WorkerModule } from './worker.module';
import { redisConnection, workerConfigFromEnv } from './worker-config';

describe('worker on real Redis', () => {
  const config = { ...workerConfigFromEnv(), queuePrefix: `gongkai-test-worker-${process.pid}` };
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: false,
    });
    await app.init();
  });

  afterAll(async () => {
    const queue = app.get<Queue>(getQueueToken(QUEUE_NAME));
    await queue.obliterate({ force: true });
    await app.close();
  });

  it('runs a job through its registered handler', async () => {
    const queue = app.get<Queue>(getQueueToken(QUEUE_NAME));
    const events = new QueueEvents(QUEUE_NAME, {
      connection: redisConnection(config.redisUrl),
      prefix: config.queuePrefix,
    });
    await events.waitUntilReady();
    const job = await queue.add('worker.heartbeat', {});
    const result = (await job.waitUntilFinished(events, 10_000)) as { at: string };
    await events.close();
    const redis = app.get<Redis>(WORKER_REDIS);
    expect(await redis.get(HEARTBEAT_KEY)).toBe(result.at);
  });
});

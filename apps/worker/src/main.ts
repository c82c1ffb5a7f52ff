import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';
import { workerConfigFromEnv } from './worker-config';

async function main(): Promise<void> {
  const config = workerConfigFromEnv();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  // On SIGTERM the worker stops taking jobs and lets running ones finish within
  // WORKER_SHUTDOWN_TIMEOUT_MS (GracefulShutdown); this backstop covers a hang after that.
  app.enableShutdownHooks();
  const stop = () => {
    setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 10_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stderr.write(`gongkai worker: consuming queue with prefix "${config.queuePrefix}"\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `gongkai worker: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

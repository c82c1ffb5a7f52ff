import { Global, Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { JobsQueue } from './jobs-queue';
import { JobsService } from './jobs.service';

/** Global, so the import and report modules can inject JobsService without importing this one. */
@Global()
@Module({
  controllers: [JobsController],
  providers: [JobsQueue, JobsService],
  exports: [JobsService, JobsQueue],
})
export class JobsModule {}

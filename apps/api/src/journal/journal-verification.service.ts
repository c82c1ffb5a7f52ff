import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ExportCheckpointUseCase, ListCheckpointsUseCase } from '@gongkai/application';
import type {
  JournalCheckpointsResponse,
  JournalVerificationAccepted,
  JournalVerifyJobData,
} from '@gongkai/contracts';
import { checkpointFileName, type JournalCheckpoint } from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';
import { CLOCK, type Clock } from '../common/clock';
import { JobsService } from '../jobs/jobs.service';

/**
 * The desk's 日志校验: the verification runs in the worker (`journal.verify`, with progress), the
 * signed checkpoints are listed and handed out as files. Everything is scoped to the user's
 * agencies; a checkpoint naming another agency's cases is not found.
 */
@Injectable()
export class JournalVerificationService {
  private readonly list: ListCheckpointsUseCase;
  private readonly export: ExportCheckpointUseCase;

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly jobs: JobsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.list = new ListCheckpointsUseCase(db);
    this.export = new ExportCheckpointUseCase(db);
  }

  async start(user: SessionUser): Promise<JournalVerificationAccepted> {
    const data = {
      agencyId: user.agencyId,
      agencyIds: [...user.scopeAgencyIds],
      requestedBy: user.id,
    } satisfies JournalVerifyJobData & { agencyId: string };
    // One run per user and minute: a double click joins the running job instead of a second one.
    const minute = Math.floor(this.clock.now().getTime() / 60_000);
    const job = await this.jobs.enqueue('journal.verify', data, [user.id, minute], {
      attempts: 1,
    });
    return { jobId: job.id };
  }

  async checkpoints(user: SessionUser): Promise<JournalCheckpointsResponse> {
    const items = await this.list.execute({ agencyIds: user.scopeAgencyIds });
    return {
      items: items.map(({ agencyId: _agency, ...c }) => c),
    };
  }

  async file(user: SessionUser, id: string): Promise<{ name: string; body: Buffer }> {
    const c: JournalCheckpoint | null = await this.export.execute({
      id,
      agencyIds: user.scopeAgencyIds,
    });
    if (!c) throw new NotFoundException('检查点不存在');
    return { name: checkpointFileName(c), body: Buffer.from(JSON.stringify(c, null, 2) + '\n') };
  }
}

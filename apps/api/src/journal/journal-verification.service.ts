import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { ExportCheckpointUseCase, ListCheckpointsUseCase } from '@gongkai/application';
import type {
  JournalCheckpointsResponse,
  JournalVerificationAccepted,
  JournalVerifyJobData,
} from '@gongkai/contracts';
import { checkpointFileName, type JournalCheckpoint } from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';
import { JobsService } from '../jobs/jobs.service';

/**
 * The desk's 日志校验: the verification runs in the worker (`journal.verify`, with progress), the
 * signed checkpoints are listed and handed out as files. Everything is scoped to the user's
 * agencies; a checkpoint naming another agency's cases is not found.
 */
@Injectable()
export class JournalVerificationService {
  constructor(
    private readonly list: ListCheckpointsUseCase,
    private readonly exportCheckpoint: ExportCheckpointUseCase,
    private readonly jobs: JobsService,
  ) {}

  async start(user: SessionUser): Promise<JournalVerificationAccepted> {
    const data = {
      agencyId: user.agencyId,
      agencyIds: [...user.scopeAgencyIds],
      requestedBy: user.id,
    } satisfies JournalVerifyJobData & { agencyId: string };
    // Every request is a fresh read of the database: a stable id would hand back last week's
    // result. Read-only, so one attempt: a failure is shown, not retried behind the auditor.
    const job = await this.jobs.enqueue('journal.verify', data, [user.id, randomUUID()], {
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
    const c: JournalCheckpoint | null = await this.exportCheckpoint.execute({
      id,
      agencyIds: user.scopeAgencyIds,
    });
    if (!c) throw new NotFoundException('检查点不存在');
    return { name: checkpointFileName(c), body: Buffer.from(JSON.stringify(c, null, 2) + '\n') };
  }
}

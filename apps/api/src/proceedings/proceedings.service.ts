import { Injectable } from '@nestjs/common';
import type {
  CreateProceedingRequest,
  ProceedingListQuery,
  ProceedingView,
  UpdateProceedingRequest,
} from '@gongkai/contracts';
import {
  ListProceedings,
  RecordProceeding,
  RemoveProceeding,
  UpdateProceeding,
} from '@gongkai/application';
import type { ProceedingRow } from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';
import { httpErrors } from '../cases/case-http-errors';

function toView(r: ProceedingRow): ProceedingView {
  return {
    id: r.id,
    agencyId: r.agency_id,
    caseId: r.case_id,
    caseRef: r.case_ref,
    kind: r.kind,
    filedOn: r.filed_on,
    result: r.result,
    concludedOn: r.concluded_on,
    note: r.note,
  };
}

/** 行政复议 / 行政诉讼 records (section 四), scoped like cases. */
@Injectable()
export class ProceedingsService {
  constructor(
    private readonly proceedings: ListProceedings,
    private readonly record: RecordProceeding,
    private readonly change: UpdateProceeding,
    private readonly removal: RemoveProceeding,
  ) {}

  async list(user: SessionUser, query: ProceedingListQuery): Promise<ProceedingView[]> {
    const rows = await this.proceedings.execute(user, { year: query.year, caseId: query.caseId });
    return rows.map(toView);
  }

  async get(user: SessionUser, id: string): Promise<ProceedingView> {
    return toView(await httpErrors(() => this.proceedings.one(user, id)));
  }

  async create(user: SessionUser, body: CreateProceedingRequest): Promise<ProceedingView> {
    const id = await httpErrors(() =>
      this.record.execute(user, body.agencyId ?? user.agencyId, {
        caseId: body.caseId ?? null,
        kind: body.kind,
        filedOn: body.filedOn,
        result: body.result ?? null,
        concludedOn: body.concludedOn ?? null,
        note: body.note || null,
      }),
    );
    return this.get(user, id);
  }

  async update(
    user: SessionUser,
    id: string,
    body: UpdateProceedingRequest,
  ): Promise<ProceedingView> {
    await httpErrors(() => this.change.execute(user, id, body));
    return this.get(user, id);
  }

  async remove(user: SessionUser, id: string): Promise<void> {
    await httpErrors(() => this.removal.execute(user, id));
  }
}

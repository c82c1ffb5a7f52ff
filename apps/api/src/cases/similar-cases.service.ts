import { Injectable } from '@nestjs/common';
import type { SimilarCase } from '@gongkai/contracts';
import { FindSimilarCases } from '@gongkai/application';
import { type SessionUser } from '../auth/session-user';

export type { SimilarCase } from '@gongkai/contracts';

/** A possible 重复申请 (Art. 36 (六)): the application's FindSimilarCases. */
@Injectable()
export class SimilarCasesService {
  constructor(private readonly similar: FindSimilarCases) {}

  find(user: SessionUser, name: string, request: string | undefined): Promise<SimilarCase[]> {
    return this.similar.execute(user, name, request);
  }
}

import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ImportLedgerRequest, LedgerImportReport } from '@gongkai/contracts';
import { CaseTransitionService, importLedger, readJsonl, readXlsx } from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';
import { httpErrors } from '../cases/case-http-errors';

@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitionService,
  ) {}

  /**
   * Imports a ledger into the user's own agency, replayed through the machine as this user
   * (ledger-format.md): all lines or none, every bad line named; with skipInvalid the valid lines
   * are written and the others still listed. Lines whose ref the agency has are left unchanged.
   */
  async import(user: SessionUser, body: ImportLedgerRequest): Promise<LedgerImportReport> {
    const lines =
      body.jsonl !== undefined
        ? readJsonl(body.jsonl)
        : await readXlsx(Buffer.from(body.xlsxBase64 ?? '', 'base64')).catch(() => {
            throw new UnprocessableEntityException({
              message: '无法读取 Excel 台账：请上传 .xlsx 文件，第一行为列名',
              code: 'unreadable_xlsx',
            });
          });
    const report = await httpErrors(() =>
      importLedger(this.db, this.transitions, lines, {
        agencyId: user.agencyId,
        actorId: user.id,
        skipInvalid: body.skipInvalid,
      }),
    );
    if (!report.committed) {
      throw new UnprocessableEntityException({
        message: `台账有 ${report.rejected.length} 行不能导入，未导入任何一行：${report.rejected
          .slice(0, 5)
          .map((r) => `第${r.line}行 ${r.reason}`)
          .join('；')}${report.rejected.length > 5 ? '……' : ''}`,
        code: 'ledger_rejected',
        report,
      });
    }
    return report;
  }
}

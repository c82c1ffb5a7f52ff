import type { DataSource } from 'typeorm';
import { deriveFee, type FeeDerivation, type FeeStandard, type LocalDate } from '@gongkai/domain';
import { CaseEntity } from '@gongkai/persistence';

export type ComputeFeeCommand =
  | { readonly caseId: string; readonly standard: 'per_application' }
  | { readonly caseId: string; readonly standard: 'per_page'; readonly pages: number };

export interface ComputedFee extends FeeDerivation {
  readonly standard: FeeStandard;
  /** 按件: the month counted (YYYY-MM) and the applicant's applications to this agency in it. */
  readonly month: string | null;
  readonly ordinalInMonth: number | null;
  readonly monthCount: number | null;
  readonly monthCases: readonly { id: string; ref: string; receivedOn: LocalDate }[];
  readonly pages: number | null;
}

export class FeeCaseNotFound extends Error {}

/**
 * 国办函〔2020〕109号 Art. 4 counts one applicant's applications in a calendar month. The
 * applicant is the same by 统一社会信用代码 where there is one, otherwise by name and the masked
 * identity number (the number itself is stored encrypted, not comparable). Applications are
 * ordered by receipt date, then registration: the n-th of the month pays the n-th fee.
 */
export class ComputeFeeUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    command: ComputeFeeCommand,
    scopeAgencyIds: readonly string[],
  ): Promise<ComputedFee> {
    const c = await this.dataSource
      .getRepository(CaseEntity)
      .findOne({ where: { id: command.caseId } });
    if (!c || !scopeAgencyIds.includes(c.agencyId)) throw new FeeCaseNotFound('案件不存在');
    if (command.standard === 'per_page') {
      return {
        ...deriveFee({ standard: 'per_page', pages: command.pages }),
        month: null,
        ordinalInMonth: null,
        monthCount: null,
        monthCases: [],
        pages: command.pages,
      };
    }
    const month = c.receivedOn.slice(0, 7);
    const rows = (await this.dataSource.query(
      `SELECT id, ref, received_on::text AS "receivedOn"
         FROM cases
        WHERE agency_id = $1
          AND date_trunc('month', received_on) = date_trunc('month', $2::date)
          AND CASE WHEN $3::text IS NOT NULL THEN applicant_credit_code = $3
                   ELSE applicant_credit_code IS NULL
                    AND lower(btrim(applicant_name)) = lower(btrim($4))
                    AND applicant_identity_hint IS NOT DISTINCT FROM $5 END
        ORDER BY received_on, created_at, ref`,
      [
        c.agencyId,
        c.receivedOn,
        c.applicantCreditCode,
        c.applicantName ?? '',
        c.applicantIdentityHint,
      ],
    )) as { id: string; ref: string; receivedOn: LocalDate }[];
    // A case always counts itself, also when the applicant has no name on record.
    const ordinalInMonth = Math.max(1, rows.findIndex((r) => r.id === c.id) + 1);
    return {
      ...deriveFee({ standard: 'per_application', ordinalInMonth }),
      month,
      ordinalInMonth,
      monthCount: Math.max(rows.length, ordinalInMonth),
      monthCases: rows,
      pages: null,
    };
  }
}

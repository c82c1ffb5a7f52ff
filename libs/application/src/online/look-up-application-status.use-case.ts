import type { DataSource } from 'typeorm';
import type { ApplicationStatusQuery, ApplicationStatusView } from '@gongkai/contracts';
import { agencyById, CaseError, CaseReadRepository } from '@gongkai/persistence';
import { APPLICATION_STAGE_LABELS, applicationStage, publicOutcome } from './application-stage';

// One message for an unknown code and a wrong phone: the answer must not tell which was wrong.
const NOT_FOUND_MESSAGE = '未找到对应的申请，请核对查询码和电话号码后四位';

/** The last four digits of the number the applicant gave (the main number, or with extension). */
function phoneEndings(phone: string | null): string[] {
  if (!phone) return [];
  const whole = phone.replace(/\D/g, '');
  // A normalised landline is `area-number[-extension]`; the applicant may think of either.
  const parts = phone.split('-');
  const main = parts.length === 3 ? `${parts[0]}${parts[1]}` : whole;
  return [...new Set([whole.slice(-4), main.slice(-4)])];
}

/** The public status look-up by 查询码 and the phone's last four digits. */
export class LookUpApplicationStatus {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: ApplicationStatusQuery): Promise<ApplicationStatusView> {
    const m = this.dataSource.manager;
    const found = await new CaseReadRepository(m).findByQueryCode(query.queryCode);
    if (!found || !phoneEndings(found.applicantPhone).includes(query.phoneLast4)) {
      throw new CaseError('not_found', 'application_not_found', NOT_FOUND_MESSAGE);
    }
    const agency = await agencyById(m, found.agencyId);
    const stage = applicationStage(found.state, found.outcome, found.feeState);
    // Only what the applicant may know: no notes, no clerk, no approvals, no journal.
    return {
      queryCode: found.queryCode,
      ref: found.ref,
      agency: { code: agency?.code ?? '', name: agency?.name ?? '' },
      receivedOn: found.receivedOn,
      stage,
      stageLabel: APPLICATION_STAGE_LABELS[stage],
      closed: found.closed,
      answerDueOn: found.closed ? null : found.answerDueOn,
      extended: found.extensionState === 'granted',
      supplementDueOn:
        found.state === 'awaitingSupplement' ? (found.deadlines.supplement?.dueOn ?? null) : null,
      outcome: found.closed && stage !== 'withdrawn' ? publicOutcome(found.outcome) : null,
      decidedOn: found.decidedOn,
      servedOn: found.servedOn,
    };
  }
}

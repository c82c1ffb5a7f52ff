import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DELIVERY_METHOD_LABELS,
  PROVISION_FORM_LABELS,
  type ApplicationStatusQuery,
  type ApplicationStatusView,
  type OnlineApplicationReceipt,
  type OnlineApplicationRequest,
} from '@gongkai/contracts';
import { formatLocalDateZh, type ApplicantCategory } from '@gongkai/domain';
import { AgencyEntity, CaseEntity } from '@gongkai/persistence';
import { CaseTransitionService, SYSTEM_ACTOR } from '@gongkai/application';
import { httpErrors } from '../cases/case-http-errors';
import { InjectClock, type Clock } from '../common/clock';
import { APPLICATION_STAGE_LABELS, applicationStage, publicOutcome } from './application-stage';

// One message for an unknown code and a wrong phone: the answer must not tell which was wrong.
const NOT_FOUND_MESSAGE = '未找到对应的申请，请核对查询码和电话号码后四位';

/** The request as the clerk reads it: Art. 29 (二)'s name, number and description, one per line. */
function requestText(body: OnlineApplicationRequest): string {
  const { information, applicant } = body;
  const lines = [
    information.title ? `所需信息名称：${information.title}` : null,
    information.documentNumber ? `文号：${information.documentNumber}` : null,
    `特征描述：${information.description}`,
    applicant.category !== 'natural_person' && applicant.contactName
      ? `联系人：${applicant.contactName}`
      : null,
  ];
  return lines.filter(Boolean).join('\n');
}

/** The last four digits of the number the applicant gave (the main number, or with extension). */
function phoneEndings(phone: string | null): string[] {
  if (!phone) return [];
  const whole = phone.replace(/\D/g, '');
  // A normalised landline is `area-number[-extension]`; the applicant may think of either.
  const parts = phone.split('-');
  const main = parts.length === 3 ? `${parts[0]}${parts[1]}` : whole;
  return [...new Set([whole.slice(-4), main.slice(-4)])];
}

@Injectable()
export class OnlineApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitionService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  private async agency(code: string): Promise<AgencyEntity> {
    const agency = await this.db.getRepository(AgencyEntity).findOne({ where: { code } });
    if (!agency) {
      throw new NotFoundException({
        message: '所选受理机关不存在',
        code: 'agency_not_found',
        fieldErrors: [{ field: 'agencyCode', message: '所选受理机关不存在' }],
      });
    }
    return agency;
  }

  async apply(body: OnlineApplicationRequest): Promise<OnlineApplicationReceipt> {
    const agency = await this.agency(body.agencyCode);
    // Art. 31 (三): an online application is received on the day both parties confirm; the
    // receipt this answer carries is the agency's confirmation, so that day is today.
    const receivedOn = this.transitions.currentDate();
    const requestedForm = `${PROVISION_FORM_LABELS[body.provision.form]}；${DELIVERY_METHOD_LABELS[body.provision.delivery]}`;
    const isPerson = body.applicant.category === 'natural_person';
    const { case: c } = await httpErrors(() =>
      this.transitions.register(
        {
          agencyId: agency.id,
          receivedOn,
          channel: 'online',
          origin: 'online',
          applicant: {
            category: body.applicant.category as ApplicantCategory,
            name: body.applicant.name,
            phone: body.applicant.phone,
            email: body.applicant.email || null,
            address: body.applicant.address || null,
            identityNumber: isPerson ? body.applicant.identityNumber || null : null,
            // The organisation's identity has its own column, as the citizen's has (Art. 29 (一)).
            creditCode: isPerson ? null : body.applicant.organisationCode || null,
          },
          request: requestText(body),
          requestedForm,
        },
        SYSTEM_ACTOR,
      ),
    );
    return {
      queryCode: c.queryCode,
      ref: c.ref,
      agency: { code: agency.code, name: agency.name },
      receivedOn: c.receivedOn,
      answerDueOn: c.answerDueOn,
      applicantName: c.applicantName ?? body.applicant.name,
      request: c.requestText ?? '',
      requestedForm,
      receiptStatement:
        `本回执确认${agency.name}已于${formatLocalDateZh(c.receivedOn)}通过网络平台收到您的政府信息公开申请。` +
        `依据《中华人民共和国政府信息公开条例》第三十一条第（三）项，通过互联网渠道提交的申请，以双方确认之日为收到申请之日，` +
        `本回执所载日期即为双方确认之日。`,
      submittedAt: this.clock.now().toISOString(),
    };
  }

  async status(query: ApplicationStatusQuery): Promise<ApplicationStatusView> {
    const found = await this.db
      .getRepository(CaseEntity)
      .findOne({ where: { queryCode: query.queryCode } });
    if (!found || !phoneEndings(found.applicantPhone).includes(query.phoneLast4)) {
      throw new NotFoundException({ message: NOT_FOUND_MESSAGE, code: 'application_not_found' });
    }
    const agency = await this.db.getRepository(AgencyEntity).findOne({
      select: { code: true, name: true },
      where: { id: found.agencyId },
    });
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

import type { DataSource } from 'typeorm';
import {
  DELIVERY_METHOD_LABELS,
  PROVISION_FORM_LABELS,
  type OnlineApplicationReceipt,
  type OnlineApplicationRequest,
} from '@gongkai/contracts';
import { formatLocalDateZh, type ApplicantCategory } from '@gongkai/domain';
import { agencyByCode, CaseError, SYSTEM_ACTOR } from '@gongkai/persistence';
import type { CaseTransitionService } from '../cases/case-transition.service';
import type { Clock } from '../common/clock';

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

/** 网上申请: registers the public form's application and answers with the receipt. */
export class SubmitOnlineApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionService,
    private readonly clock: Clock,
  ) {}

  async execute(body: OnlineApplicationRequest): Promise<OnlineApplicationReceipt> {
    const agency = await agencyByCode(this.dataSource.manager, body.agencyCode);
    if (!agency) {
      throw new CaseError('not_found', 'agency_not_found', '所选受理机关不存在', {
        fieldErrors: [{ field: 'agencyCode', message: '所选受理机关不存在' }],
      });
    }
    // Art. 31 (三): an online application is received on the day both parties confirm; the
    // receipt this answer carries is the agency's confirmation, so that day is today.
    const receivedOn = this.transitions.currentDate();
    const requestedForm = `${PROVISION_FORM_LABELS[body.provision.form]}；${DELIVERY_METHOD_LABELS[body.provision.delivery]}`;
    const isPerson = body.applicant.category === 'natural_person';
    const { case: c } = await this.transitions.register(
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
}

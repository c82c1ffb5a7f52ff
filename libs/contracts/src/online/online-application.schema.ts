import { z } from 'zod';
import { validatePhoneNumber, validateResidentId } from '@gongkai/domain';
import {
  applicantCategorySchema,
  checkedBy,
  creditCodeSchema,
  requiredText,
  text,
} from '../cases/common.schema';

/**
 * 网上申请: what a member of the public sends to `POST /api/public/applications`. The same schema
 * validates in the browser and on the server, so both give the same field messages.
 */

/** Art. 29 (三): the form in which the information is to be provided. */
export const PROVISION_FORMS = ['paper', 'electronic', 'disc', 'inspection'] as const;
export type ProvisionForm = (typeof PROVISION_FORMS)[number];

/** Art. 29 (三): how it reaches the applicant (方式、途径). */
export const DELIVERY_METHODS = ['post', 'email', 'pickup'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** Chinese wording stored on the case, so the clerk reads the request as the applicant made it. */
export const PROVISION_FORM_LABELS: Readonly<Record<ProvisionForm, string>> = {
  paper: '纸质文本',
  electronic: '电子文件',
  disc: '光盘',
  inspection: '当场阅读、抄录',
};
export const DELIVERY_METHOD_LABELS: Readonly<Record<DeliveryMethod, string>> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '自行领取',
};

// A field left empty in the form arrives as undefined: say "please fill in", not "should be text".
const required = (max: number, label: string) =>
  z.preprocess((v) => v ?? '', requiredText(max, label));

const phone = required(40, '联系电话').superRefine(checkedBy(validatePhoneNumber));

const email = text(200, '电子邮箱').refine(
  (s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
  '电子邮箱格式不正确',
);

// GB 32100: the full check, check character included, in the browser and on the server alike.
const organisationCode = creditCodeSchema();

export const onlineApplicantSchema = z.object({
  category: applicantCategorySchema,
  name: required(100, '申请人姓名或名称'),
  /** Natural persons: 公民身份号码 (GB 11643, check digit verified). */
  identityNumber: text(18, '身份证号码').optional(),
  /** Organisations: 统一社会信用代码 and the person the agency can talk to. */
  organisationCode: organisationCode.optional(),
  contactName: text(50, '联系人姓名').optional(),
  phone,
  email: email.optional(),
  address: text(300, '通讯地址').optional(),
});

export const onlineApplicationSchema = z
  .object({
    /** The agency applied to, by its code in the public agency tree. */
    agencyCode: z
      .string({ error: '请选择受理机关' })
      .min(1, '请选择受理机关')
      .max(100, '机关代码不能超过100个字符')
      .regex(/^[a-z0-9][a-z0-9-]*$/, '机关代码格式不正确'),
    applicant: onlineApplicantSchema,
    information: z.object({
      /** Art. 29 (二): 名称、文号或者便于行政机关查询的其他特征性描述. */
      title: text(200, '所需信息名称').optional(),
      documentNumber: text(100, '文号').optional(),
      description: required(4000, '所需信息的特征描述'),
    }),
    provision: z.object({
      form: z.enum(PROVISION_FORMS, { error: '请选择信息的提供形式' }),
      delivery: z.enum(DELIVERY_METHODS, { error: '请选择获取信息的方式' }),
    }),
    /** The applicant confirms the statements; with the receipt this is Art. 31's mutual confirmation. */
    // A refinement, not a literal: a missing tick must not stop the other checks from running.
    confirmed: z
      .boolean({ error: '请确认所填内容真实准确' })
      .optional()
      .refine((v) => v === true, '请确认所填内容真实准确'),
  })
  .superRefine((value, ctx) => {
    const { applicant, provision } = value;
    if (applicant.category === 'natural_person') {
      // Art. 29 (一): identity proof; for a citizen, the resident identity number.
      if (!applicant.identityNumber) {
        ctx.addIssue({
          code: 'custom',
          path: ['applicant', 'identityNumber'],
          message: '请填写身份证号码',
        });
      } else {
        const checked = validateResidentId(applicant.identityNumber);
        if (!checked.valid)
          ctx.addIssue({
            code: 'custom',
            path: ['applicant', 'identityNumber'],
            message: checked.message,
          });
      }
    } else if (!applicant.contactName) {
      ctx.addIssue({
        code: 'custom',
        path: ['applicant', 'contactName'],
        message: '请填写联系人姓名',
      });
    }
    if (provision.delivery === 'email') {
      if (!applicant.email)
        ctx.addIssue({
          code: 'custom',
          path: ['applicant', 'email'],
          message: '通过电子邮件获取信息的，请填写电子邮箱',
        });
      if (provision.form !== 'electronic')
        ctx.addIssue({
          code: 'custom',
          path: ['provision', 'delivery'],
          message: '只有电子文件可以通过电子邮件发送',
        });
    }
    if (provision.delivery === 'post' && !applicant.address)
      ctx.addIssue({
        code: 'custom',
        path: ['applicant', 'address'],
        message: '通过邮寄获取信息的，请填写通讯地址',
      });
    if (provision.form === 'inspection' && provision.delivery !== 'pickup')
      ctx.addIssue({
        code: 'custom',
        path: ['provision', 'delivery'],
        message: '当场阅读、抄录的，获取方式应为到机关自行领取',
      });
  });

export type OnlineApplicationRequest = z.infer<typeof onlineApplicationSchema>;
/** The form's values before validation (every field may still be empty). */
export type OnlineApplicationInput = z.input<typeof onlineApplicationSchema>;

/** The answer to a submitted application: the receipt the applicant keeps. */
export interface OnlineApplicationReceipt {
  /** 查询码: with the last four digits of the phone number it opens the status page. */
  queryCode: string;
  /** The agency's register number. */
  ref: string;
  agency: { code: string; name: string };
  /** Art. 31 (三): the day both parties confirm; this acknowledgement is the agency's confirmation. */
  receivedOn: string;
  /** Art. 33: 20 working days from the receipt date (before any pause or extension). */
  answerDueOn: string | null;
  applicantName: string;
  request: string;
  requestedForm: string;
  /** The statement printed on the receipt about the receipt date (Chinese, legal wording). */
  receiptStatement: string;
  submittedAt: string;
}

/** `POST /api/public/applications/status`: the 查询码 and the last four digits of the phone. */
export const applicationStatusQuerySchema = z.object({
  queryCode: z
    .string({ error: '请填写查询码' })
    .transform((s) => s.trim().toUpperCase().replace(/\s+/g, ''))
    .refine((s) => s.length > 0, '请填写查询码')
    .refine((s) => /^[0-9A-Z]{10}$/.test(s), '查询码为10位字母或数字'),
  phoneLast4: z
    .string({ error: '请填写手机号码后四位' })
    .transform((s) => s.trim())
    .refine((s) => /^\d{4}$/.test(s), '请填写申请时所留电话号码的后四位数字'),
});
export type ApplicationStatusQuery = z.infer<typeof applicationStatusQuerySchema>;

/** The stages a member of the public sees (plain words for the machine's states). */
export const APPLICATION_STAGES = [
  'received',
  'awaitingSupplement',
  'processing',
  'consulting',
  'awaitingFee',
  'awaitingReasons',
  'decided',
  'served',
  'withdrawn',
  'endedSupplementOverdue',
  'endedFeeUnpaid',
] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

export interface ApplicationStatusView {
  queryCode: string;
  ref: string;
  agency: { code: string; name: string };
  receivedOn: string;
  stage: ApplicationStage;
  /** The stage in Chinese, as printed on the status page. */
  stageLabel: string;
  closed: boolean;
  /** The answer due date while open (moved by pauses and an extension), null once closed. */
  answerDueOn: string | null;
  /** Art. 33: the answer period was extended (at most 20 working days). */
  extended: boolean;
  /** Art. 30: the day by which the supplement is due, while waiting for it. */
  supplementDueOn: string | null;
  /** Once decided: the kind of answer (one of the outcome rows of the annual report). */
  outcome: { code: string; label: string; labelEn: string } | null;
  decidedOn: string | null;
  servedOn: string | null;
}

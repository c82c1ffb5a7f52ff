import { z } from 'zod';
import { validatePhoneNumber, validateResidentId } from '@gongkai/domain';
import {
  applicantCategorySchema,
  checkedBy,
  creditCodeSchema,
  channelSchema,
  localDate,
  requiredText,
  text,
  uuidSchema,
} from './common.schema';

const phone = text(40, '联系电话').superRefine(checkedBy(validatePhoneNumber));

// GB 11643: the check digit is verified here (400) and again by the service.
const identityNumber = text(18, '身份证号码').superRefine(checkedBy(validateResidentId));

const creditCode = creditCodeSchema();

export const applicantSchema = z
  .object({
    category: applicantCategorySchema,
    name: requiredText(100, '申请人姓名或名称'),
    phone: phone.optional(),
    email: text(200, '电子邮箱')
      .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), '电子邮箱格式不正确')
      .optional(),
    address: text(300, '通讯地址').optional(),
    identityNumber: identityNumber.optional(),
    /** 统一社会信用代码: organisations only (a citizen's identity is the 公民身份号码). */
    creditCode: creditCode.optional(),
    /** 法定代表人或联系人: organisations apply through a person. */
    contactPerson: text(100, '法定代表人或联系人').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.category === 'natural_person' && value.creditCode)
      ctx.addIssue({
        code: 'custom',
        path: ['creditCode'],
        message:
          '自然人申请的，无需填写统一社会信用代码；以组织名义申请的，请先选择相应的申请人类型',
      });
  });

/** POST /api/cases: an application as the clerk registers it (Art. 29 contents, Art. 31 date). */
export const registerApplicationSchema = z.object({
  /** The agency's register number; generated (`YYYY-NNNN`) when absent. */
  ref: text(40, '登记编号').optional(),
  /** Art. 31 receipt date; not in the future (checked against today by the service). */
  receivedOn: localDate('收到申请日期'),
  channel: channelSchema,
  applicant: applicantSchema,
  request: requiredText(4000, '申请内容'),
  requestedForm: text(200, '获取信息的方式').optional(),
  /** The 经办人, a clerk of the agency; defaults to the registering clerk. */
  assigneeId: uuidSchema('经办人编号').optional(),
  /** For a user whose own agency is not the one to register in (defaults to the user's). */
  agencyId: uuidSchema('机关编号').optional(),
});
export type RegisterApplicationRequest = z.infer<typeof registerApplicationSchema>;

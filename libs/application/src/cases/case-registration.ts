import { randomInt } from 'node:crypto';
import {
  isApplicantCategory,
  isChannel,
  isLocalDate,
  maskIdentityNumber,
  validateCreditCode,
  validatePhoneNumber,
  validateResidentId,
  type LocalDate,
} from '@gongkai/domain';
import { isUuid, type IdentityCipher, type RegisterCaseInput } from '@gongkai/persistence';
import { invalid, trimmed } from './case-transition.context';

// No 0/O, 1/I/L: a query code is read out over the phone.
const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** The 查询码 the applicant follows the application with on the public site. */
export function generateQueryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return code;
}

/** The applicant's columns of a registration, checked, normalised, the identity number encrypted. */
export interface RegistrationFacts {
  readonly applicantName: string | null;
  readonly applicantPhone: string | null;
  readonly applicantEmail: string | null;
  readonly applicantAddress: string | null;
  readonly applicantIdentityCipher: string | null;
  readonly applicantIdentityHint: string | null;
  readonly applicantCreditCode: string | null;
  /** 法定代表人或联系人 of an organisation (none for a natural person). */
  readonly applicantContact: string | null;
}

/** Checks the registration facts every caller must respect (the API also checks them first). */
export function checkRegistration(
  input: RegisterCaseInput,
  today: LocalDate,
  cipher: () => IdentityCipher,
): RegistrationFacts {
  if (!isUuid(input.agencyId)) throw invalid('机关不存在');
  if (!isLocalDate(input.receivedOn)) throw invalid('收到申请日期格式不正确，应为 YYYY-MM-DD');
  if (input.receivedOn > today)
    throw invalid(`收到申请日期不能晚于今天（${today}）`, 'future_date');
  if (!isChannel(input.channel)) throw invalid(`未知的申请方式：${String(input.channel)}`);
  if (!isApplicantCategory(input.applicant?.category)) {
    throw invalid(`未知的申请人类型：${String(input.applicant?.category)}`);
  }
  let phone = trimmed(input.applicant.phone);
  if (phone) {
    const checked = validatePhoneNumber(phone);
    if (!checked.valid) throw invalid(checked.message, 'invalid_phone');
    phone = checked.normalised;
  }
  const identity = trimmed(input.applicant.identityNumber);
  let cipherText: string | null = null;
  let hint: string | null = null;
  if (identity) {
    const checked = validateResidentId(identity);
    if (!checked.valid) throw invalid(checked.message, 'invalid_identity_number');
    cipherText = cipher().encrypt(checked.normalised);
    hint = maskIdentityNumber(checked.normalised);
  }
  let creditCode = trimmed(input.applicant.creditCode);
  if (creditCode) {
    // Art. 29 (一): a citizen proves identity with the 公民身份号码; the credit code is the
    // identity of a legal person or other organisation only.
    if (input.applicant.category === 'natural_person') {
      throw invalid(
        '自然人申请的，无需填写统一社会信用代码；以组织名义申请的，请先选择相应的申请人类型',
        'credit_code_for_natural_person',
      );
    }
    const checked = validateCreditCode(creditCode);
    if (!checked.valid) throw invalid(checked.message, 'invalid_credit_code');
    creditCode = checked.normalised;
  }
  return {
    applicantName: trimmed(input.applicant.name),
    applicantPhone: phone,
    applicantEmail: trimmed(input.applicant.email),
    applicantAddress: trimmed(input.applicant.address),
    applicantIdentityCipher: cipherText,
    applicantIdentityHint: hint,
    applicantCreditCode: creditCode,
    applicantContact:
      input.applicant.category === 'natural_person' ? null : trimmed(input.applicant.contactPerson),
  };
}

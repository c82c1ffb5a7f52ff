import { onlineApplicantSchema } from '../online/online-application.schema';
import { applicantSchema } from './register-application.schema';

const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) =>
  result.success ? [] : (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe("an applicant's 统一社会信用代码 (GB 32100)", () => {
  const organisation = { category: 'commercial_enterprise', name: '福州某某科技有限公司' };

  it('is trimmed and upper-cased at registration', () => {
    expect(applicantSchema.parse({ ...organisation, creditCode: ' 91350100m000100y43 ' })).toEqual({
      ...organisation,
      creditCode: '91350100M000100Y43',
    });
  });

  it('is optional, and an empty field means none', () => {
    expect(applicantSchema.parse(organisation)).toEqual(organisation);
    expect(applicantSchema.parse({ ...organisation, creditCode: ' ' }).creditCode).toBe('');
  });

  it.each([
    ['91350100M000100Y44', '校验码应为3'],
    ['91350100M000100Y4', '应为18位，现为17位'],
    ['91350100I000100Y43', '第9位“I”不是有效字符'],
  ])('refuses %s with the domain message', (creditCode, message) => {
    const found = issues(applicantSchema.safeParse({ ...organisation, creditCode }));
    expect(found).toEqual([['creditCode', expect.stringContaining(message)]]);
  });

  it('is refused for a natural person, whose identity is the 公民身份号码', () => {
    const found = issues(
      applicantSchema.safeParse({
        category: 'natural_person',
        name: '张三',
        creditCode: '91350100M000100Y43',
      }),
    );
    expect(found).toEqual([['creditCode', expect.stringContaining('自然人申请的，无需填写')]]);
  });

  it('gets the same check in the online form (field organisationCode)', () => {
    const online = { ...organisation, phone: '13912345678', contactName: '王五' };
    expect(
      onlineApplicantSchema.parse({ ...online, organisationCode: '91350100m000100y43' })
        .organisationCode,
    ).toBe('91350100M000100Y43');
    expect(
      issues(
        onlineApplicantSchema.safeParse({ ...online, organisationCode: '91350100M000100Y44' }),
      ),
    ).toEqual([['organisationCode', expect.stringContaining('校验码应为3')]]);
  });
});

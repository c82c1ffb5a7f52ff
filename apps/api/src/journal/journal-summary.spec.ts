import { summarizePayload } from './journal-summary';

describe('summarizePayload', () => {
  it('reads an attachment note in Chinese, without its internal id and media type', () => {
    expect(
      summarizePayload({
        attachmentId: '0b6f4c3e-1111-4222-8333-444455556666',
        fileName: '送达回证.pdf',
        kind: 'service_receipt',
        mediaType: 'application/pdf',
        sizeBytes: 48,
        sha256: 'a8ea9f63d81e0927aa11bb22cc33dd44ee55ff6600112233445566778899aabb',
      }),
    ).toBe('文件：送达回证.pdf；附件类别：送达回证；大小（字节）：48；SHA-256：a8ea9f63d81e…');
  });

  it('names the clerks of a reassignment and the origin of a registration', () => {
    expect(
      summarizePayload({
        from: { id: 'u1', displayName: '林经办' },
        to: { id: 'u2', displayName: '王经办' },
        reason: '休假',
      }),
    ).toBe('原经办人：林经办；新经办人：王经办；理由：休假');
    expect(summarizePayload({ origin: 'online', channel: 'online' })).toBe(
      '来源：网上申请；申请方式：网络平台',
    );
  });

  it("names an organisation's 统一社会信用代码 in a registration", () => {
    expect(
      summarizePayload({
        applicantCategory: 'commercial_enterprise',
        applicantCreditCode: '91350100M000100Y43',
      }),
    ).toBe('申请人类型：商业企业；统一社会信用代码：91350100M000100Y43');
  });
});

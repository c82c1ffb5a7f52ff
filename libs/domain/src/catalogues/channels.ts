/** Channels: how an application arrived; decides the receipt date under Art. 31 (codes.md). */
export const CHANNELS = [
  {
    code: 'in_person',
    label: '当面提交',
    labelEn: 'In person',
    receiptRule: '当面提交的，以提交之日为收到申请之日（第三十一条第（一）项）',
  },
  {
    code: 'post',
    label: '邮寄',
    labelEn: 'Post',
    receiptRule:
      '以邮寄方式提交的，以行政机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日（第三十一条第（二）项）',
  },
  {
    code: 'online',
    label: '网络平台',
    labelEn: 'Online platform',
    receiptRule: '通过互联网渠道提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）',
  },
  {
    code: 'email',
    label: '电子邮件',
    labelEn: 'E-mail',
    receiptRule:
      '通过公布的电子邮箱提交的，以电子邮件系统收到之日为收到申请之日（国办公开办函〔2015〕207号）',
  },
  {
    code: 'fax',
    label: '传真',
    labelEn: 'Fax',
    receiptRule:
      '通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）',
  },
  {
    code: 'other',
    label: '其他',
    labelEn: 'Other',
    receiptRule: '按本机关公布的规则确定收到申请之日；无规则的，以双方确认之日为准',
  },
] as const;

export type Channel = (typeof CHANNELS)[number]['code'];
export const CHANNEL_CODES: readonly Channel[] = CHANNELS.map((c) => c.code);
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNEL_CODES as readonly string[]).includes(value);
}

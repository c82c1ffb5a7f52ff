import { z } from 'zod';
import {
  APPLICANT_CATEGORY_CODES,
  CHANNEL_CODES,
  isLocalDate,
  OUTCOME_CODES,
  PROCEEDING_KIND_CODES,
  SERVICE_METHOD_CODES,
} from '@gongkai/domain';

// The line format of ledger-format.md. Messages are Chinese: they are shown per rejected line.
const date = (label: string) =>
  z
    .string({ error: `${label}应为 YYYY-MM-DD 格式的日期` })
    .refine(isLocalDate, `${label}不是有效日期`);
const optionalDate = (label: string) => date(label).nullable().optional();
const code = (codes: readonly string[], label: string) =>
  z.string({ error: `缺少${label}` }).superRefine((v, ctx) => {
    if (!codes.includes(v)) ctx.addIssue({ code: 'custom', message: `未知的${label}代码：${v}` });
  });
// PostgreSQL refuses NUL and unpaired surrogates in text and jsonb.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label}过长`)
    .refine((s) => !UNSTORABLE.test(s), `${label}含有无法保存的字符`);

export const ledgerLineSchema = z.object({
  ref: storable('登记编号', 40).refine((s) => s.trim().length > 0, '缺少登记编号（ref）'),
  receivedOn: date('收到日期（receivedOn）'),
  channel: code(CHANNEL_CODES, '申请方式'),
  applicant: z.object(
    {
      category: code(APPLICANT_CATEGORY_CODES, '申请人类型'),
      name: storable('申请人', 100).nullable().optional(),
    },
    { error: '缺少申请人信息（applicant）' },
  ),
  request: storable('申请内容', 4000).nullable().optional(),
  supplement: z
    .object({
      requestedOn: date('补正通知日期'),
      dueOn: date('补正期限'),
      receivedOn: optionalDate('收到补正日期'),
    })
    .nullable()
    .optional(),
  consultations: z
    .array(
      z.object({
        party: z.enum(['third_party', 'other_agency'], {
          error: '征求意见对象应为 third_party 或 other_agency',
        }),
        sentOn: date('征求意见日期'),
        repliedOn: optionalDate('征求意见答复日期'),
      }),
    )
    .nullable()
    .optional(),
  fee: z
    .object({
      noticeServedOn: date('收费通知送达日期'),
      amountYuan: z.number({ error: '收费金额应为数字' }).positive('收费金额应大于0'),
      paidOn: optionalDate('缴费日期'),
    })
    .nullable()
    .optional(),
  extension: z
    .object({
      approvedOn: date('延期批准日期'),
      workingDays: z
        .number({ error: '延期工作日数应为数字' })
        .int('延期工作日数应为整数')
        .min(1, '延期至少1个工作日')
        .max(20, '延期超过20个工作日（第三十三条）'),
    })
    .nullable()
    .optional(),
  outcome: code(OUTCOME_CODES, '办理结果').nullable().optional(),
  decidedOn: optionalDate('答复日期（decidedOn）'),
  withdrawnOn: optionalDate('撤回日期'),
  service: z
    .object({ method: code(SERVICE_METHOD_CODES, '送达方式'), servedOn: date('送达日期') })
    .nullable()
    .optional(),
  proceedings: z
    .array(
      z
        .object({
          kind: code(PROCEEDING_KIND_CODES, '复议诉讼类型'),
          filedOn: date('复议诉讼立案日期'),
          result: z
            .enum(['maintained', 'corrected', 'other'], {
              error: '复议诉讼结果应为 maintained、corrected 或 other',
            })
            .nullable()
            .optional(),
          concludedOn: optionalDate('审结日期'),
        })
        .refine(
          (p) => !!p.result === !!p.concludedOn && (!p.concludedOn || p.concludedOn >= p.filedOn),
          '复议诉讼有结果时须有审结日期（不早于立案日期），尚未审结的两者都不填',
        ),
    )
    .nullable()
    .optional(),
});
export type LedgerLine = z.infer<typeof ledgerLineSchema>;

/** A line as read from the file: its 1-based line (or sheet row) number and its raw value. */
export interface RawLedgerLine {
  readonly line: number;
  readonly value: unknown;
  /** Set when the line could not even be read (bad JSON, a workbook cell it cannot read). */
  readonly readError?: string;
  /** Workbook rows: the sheet's header of each field path, so a refusal names the cell. */
  readonly columns?: Readonly<Record<string, string>>;
}

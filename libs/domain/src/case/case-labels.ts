import {
  type CaseEventType,
  type ClosedState,
  type ExtensionState,
  type FeeState,
  type OpenState,
} from './case.types';

export interface Label {
  readonly zh: string;
  readonly en: string;
  /** Statutory basis, where there is one. */
  readonly basis?: string;
}

export const STATE_LABELS: Readonly<
  Record<'open' | 'closed' | 'procedure' | 'fee' | 'extension', Label> &
    Record<OpenState, Label> &
    Record<ClosedState, Label> &
    Record<`fee.${FeeState}`, Label> &
    Record<`extension.${ExtensionState}`, Label>
> = {
  open: { zh: '办理中', en: 'Open' },
  closed: { zh: '已办结', en: 'Closed' },
  procedure: { zh: '办理程序', en: 'Procedure' },
  fee: { zh: '收费', en: 'Fee' },
  extension: { zh: '延期', en: 'Extension' },
  intake: { zh: '已登记', en: 'Registered', basis: '第三十一条' },
  awaitingSupplement: { zh: '待补正', en: 'Awaiting supplement', basis: '第三十条' },
  processing: { zh: '办理中', en: 'Processing' },
  consulting: { zh: '征求意见中', en: 'Consulting', basis: '第三十二条、第三十四条' },
  awaitingFee: { zh: '待缴费', en: 'Awaiting fee', basis: '第四十二条' },
  awaitingReasons: { zh: '待说明理由', en: 'Awaiting reasons', basis: '第三十五条' },
  awaitingApproval: { zh: '待审批', en: 'Awaiting approval' },
  awaitingService: { zh: '待送达', en: 'Awaiting service' },
  served: { zh: '已送达', en: 'Served' },
  ended: { zh: '已终止', en: 'Ended' },
  'fee.none': { zh: '未收费', en: 'No fee' },
  'fee.awaiting': { zh: '待缴费', en: 'Awaiting fee', basis: '第四十二条' },
  'fee.paid': { zh: '已缴费', en: 'Fee paid' },
  'extension.none': { zh: '未延期', en: 'No extension' },
  'extension.requested': { zh: '延期待批', en: 'Extension requested' },
  'extension.granted': { zh: '已延期', en: 'Extension granted', basis: '第三十三条' },
  'extension.refused': { zh: '延期未获批准', en: 'Extension refused' },
};

export const EVENT_LABELS: Readonly<Record<CaseEventType, Label>> = {
  ACCEPT: { zh: '受理', en: 'Accept' },
  REQUEST_SUPPLEMENT: { zh: '告知补正', en: 'Request supplement', basis: '第三十条' },
  SUPPLEMENT_RECEIVED: { zh: '收到补正材料', en: 'Supplement received', basis: '第三十条' },
  SUPPLEMENT_OVERDUE: { zh: '逾期未补正', en: 'Supplement overdue', basis: '第三十条' },
  START_CONSULTATION: { zh: '征求意见', en: 'Start consultation', basis: '第三十二条、第三十四条' },
  CONSULTATION_REPLIED: { zh: '收到征求意见答复', en: 'Consultation replied' },
  CONSULTATION_EXPIRED: {
    zh: '征求意见期满',
    en: 'Consultation expired',
    basis: '第三十二条、第三十四条',
  },
  SERVE_FEE_NOTICE: { zh: '送达收费通知', en: 'Serve fee notice', basis: '国办函〔2020〕109号' },
  FEE_PAID: { zh: '已缴费', en: 'Fee paid' },
  FEE_OVERDUE: { zh: '逾期未缴费', en: 'Fee overdue', basis: '国办函〔2020〕109号' },
  REQUEST_REASONS: { zh: '要求说明理由', en: 'Request reasons', basis: '第三十五条' },
  REASONS_JUDGED: { zh: '认定理由', en: 'Judge reasons', basis: '第三十五条' },
  DRAFT_DECISION: { zh: '拟定答复决定', en: 'Draft decision', basis: '第三十六条' },
  APPROVE_DECISION: { zh: '审批同意', en: 'Approve decision' },
  RETURN_DECISION: { zh: '退回修改', en: 'Return decision' },
  REQUEST_EXTENSION: { zh: '申请延期', en: 'Request extension', basis: '第三十三条' },
  APPROVE_EXTENSION: { zh: '批准延期', en: 'Approve extension', basis: '第三十三条' },
  REFUSE_EXTENSION: { zh: '不批准延期', en: 'Refuse extension' },
  RECORD_SERVICE: { zh: '登记送达', en: 'Record service', basis: '国办公开办函〔2016〕235号' },
  RECORD_NOTICE_SERVICE: {
    zh: '登记不再处理告知书送达',
    en: 'Record service of the notice of no further processing',
  },
  WITHDRAW: { zh: '撤回申请', en: 'Withdraw' },
  YEAR_CLOSED: { zh: '年度结转', en: 'Year closed' },
};

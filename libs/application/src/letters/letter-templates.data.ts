import type { Outcome, OutcomeGroup } from '@gongkai/domain';

export const LETTER_KINDS = [
  'receipt',
  'supplement',
  'extension',
  'consultation',
  'fee',
  'decision',
  'service',
  'termination',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}

export interface LetterTemplate {
  kind: LetterKind;
  title: string;
  /**
   * Paragraphs with `{{placeholder}}`s (see LETTER_PLACEHOLDERS). A paragraph that is exactly
   * `{{supplementItems}}` becomes one numbered paragraph per item.
   */
  paragraphs: string[];
}

/** What a template may use; an unknown placeholder is left visible so an editor notices it. */
export const LETTER_PLACEHOLDERS: Record<string, string> = {
  agencyName: '机关名称',
  agencyAddress: '机关地址',
  agencyPhone: '机关电话',
  agencyContact: '联系人',
  letterNumber: '文号（答复书审批后按机关、年度顺序编号）',
  ref: '登记编号',
  queryCode: '查询码',
  applicantName: '申请人姓名或名称',
  receivedOn: '收到申请日期',
  channel: '申请方式',
  request: '申请内容',
  requestedForm: '获取信息的方式',
  today: '文书日期（今天）',
  answerDueOn: '答复期限',
  supplementItems: '补正事项（逐项）',
  supplementDueOn: '补正期限',
  extensionDays: '延长工作日数',
  extensionReason: '延期理由',
  consultationParty: '征求意见对象',
  feeStandard: '收费方式',
  feeAmount: '收费金额（元）',
  outcome: '办理结果',
  outcomeBasis: '办理结果的法律依据（条例条款或文件）',
  decisionReasons: '理由（不予公开、部分公开、无法提供、不予处理的说明）',
  outcomeAnswer: '答复正文（按办理结果）',
  decidedOn: '决定日期',
  serviceMethod: '送达方式',
  servedOn: '送达日期',
  remedy: '救济途径告知',
  terminationReason: '不再处理的理由（按办结情形）',
};

const HEAD = '{{applicantName}}：';
const CONTACT = '联系人：{{agencyContact}}　联系电话：{{agencyPhone}}　联系地址：{{agencyAddress}}';
const SIGN = ['{{agencyName}}', '{{today}}'];

/** The built-in wording, in the usual form of these letters; an agency may replace each one. */
export const DEFAULT_TEMPLATES: Record<LetterKind, LetterTemplate> = {
  receipt: {
    kind: 'receipt',
    title: '政府信息公开申请受理回执',
    paragraphs: [
      HEAD,
      '本机关于{{receivedOn}}收到您（单位）通过{{channel}}方式提交的政府信息公开申请，登记编号为{{ref}}，查询码为{{queryCode}}。申请内容：{{request}}',
      '根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将在收到申请之日起20个工作日内予以答复；需要延长答复期限的，将另行书面告知，延长的期限最长不超过20个工作日。',
      CONTACT,
      ...SIGN,
    ],
  },
  supplement: {
    kind: 'supplement',
    title: '政府信息公开申请补正告知书',
    paragraphs: [
      HEAD,
      '本机关于{{receivedOn}}收到您（单位）提交的政府信息公开申请（登记编号{{ref}}）。经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对下列事项作出补正：',
      '{{supplementItems}}',
      '请于{{supplementDueOn}}前将补正材料提交本机关。答复期限自本机关收到补正后的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      ...SIGN,
    ],
  },
  extension: {
    kind: 'extension',
    title: '政府信息公开申请延期答复告知书',
    paragraphs: [
      HEAD,
      '本机关于{{receivedOn}}收到您（单位）提交的政府信息公开申请（登记编号{{ref}}）。因{{extensionReason}}，本机关不能在法定期限内作出答复。',
      '根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{extensionDays}}个工作日，延长后的答复期限为{{answerDueOn}}。',
      ...SIGN,
    ],
  },
  consultation: {
    kind: 'consultation',
    title: '政府信息公开征求第三方意见书',
    paragraphs: [
      '{{consultationParty}}：',
      '本机关于{{receivedOn}}收到政府信息公开申请（登记编号{{ref}}），申请公开：{{request}}。该信息的公开可能损害您（单位）的合法权益。',
      '根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求您（单位）的意见。请自收到本意见书之日起15个工作日内提出意见；逾期未提出意见的，由本机关依照《条例》的规定决定是否公开。您（单位）不同意公开且有合理理由的，本机关不予公开，但本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知您（单位）。',
      ...SIGN,
    ],
  },
  fee: {
    kind: 'fee',
    title: '政府信息公开信息处理费收费通知书',
    paragraphs: [
      HEAD,
      '本机关于{{receivedOn}}收到您（单位）提交的政府信息公开申请（登记编号{{ref}}）。您的申请数量、频次明显超过合理范围，根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关依法收取信息处理费。',
      '收费方式：{{feeStandard}}；应缴金额：人民币{{feeAmount}}元。',
      '请自收到本通知之次日起20个工作日内缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。本机关收到缴费之前，答复期限暂停计算。',
      ...SIGN,
    ],
  },
  decision: {
    kind: 'decision',
    title: '政府信息公开申请答复书',
    paragraphs: [
      '{{letterNumber}}',
      HEAD,
      '本机关于{{receivedOn}}收到您（单位）提交的政府信息公开申请，申请公开：{{request}}。',
      '经审查，现答复如下：{{outcomeAnswer}}',
      '{{remedy}}',
      CONTACT,
      ...SIGN,
    ],
  },
  service: {
    kind: 'service',
    title: '送达回证',
    paragraphs: [
      '送达文书：政府信息公开申请答复书（{{agencyName}}{{letterNumber}}）',
      '受送达人：{{applicantName}}',
      '送达方式：{{serviceMethod}}',
      '送达日期：{{servedOn}}',
      '受送达人签收：＿＿＿＿＿＿　　　年　　月　　日',
      '送达人：＿＿＿＿＿＿',
      '备注：邮寄送达的，以交邮之日为送达日期（国办公开办函〔2016〕235号）。',
      ...SIGN,
    ],
  },
  termination: {
    kind: 'termination',
    title: '政府信息公开申请不再处理告知书',
    paragraphs: [
      HEAD,
      '本机关于{{receivedOn}}收到您（单位）提交的政府信息公开申请（登记编号{{ref}}），申请公开：{{request}}。',
      '{{terminationReason}}',
      '您（单位）仍需要获取相关政府信息的，可以重新提出政府信息公开申请。',
      ...SIGN,
    ],
  },
};

/**
 * Why a case that ended without a decision is no longer processed (不再处理告知书), by how it
 * ended: Art. 30 (补正 overdue), 国办函〔2020〕109号 (fee unpaid), or the applicant's withdrawal.
 */
export const TERMINATION_REASONS: Partial<Record<Outcome, string>> = {
  'other.supplement_overdue':
    '本机关已书面告知您（单位）于{{supplementDueOn}}前补正申请。您（单位）无正当理由逾期未补正，根据《中华人民共和国政府信息公开条例》第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。',
  'other.fee_unpaid':
    '本机关已向您（单位）送达信息处理费收费通知，应缴金额人民币{{feeAmount}}元。您（单位）逾期未按收费通知要求缴纳费用，根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为放弃申请，本机关不再处理该政府信息公开申请。',
  'other.other': '您（单位）已于{{decidedOn}}撤回该政府信息公开申请，本机关终止处理。',
};

/**
 * The answer of 答复书 by outcome group (Arts 36–39). `{{outcomeBasis}}` is the full basis (the
 * article of the Regulation or the document) and `{{decisionReasons}}` the reasons the clerk
 * recorded with the decision (Arts 36–37: 并说明理由).
 */
export const OUTCOME_ANSWERS: Record<OutcomeGroup, string> = {
  disclosed:
    '您申请公开的政府信息属于公开范围，根据{{outcomeBasis}}的规定，本机关予以公开，现将该信息提供给您（见附件）。',
  partially_disclosed:
    '您申请公开的政府信息中，部分内容属于公开范围，部分内容不予公开。根据{{outcomeBasis}}的规定，本机关向您提供可以公开的部分（见附件），不予公开的部分及理由说明如下：{{decisionReasons}}',
  withheld:
    '您申请公开的政府信息{{outcome}}。理由如下：{{decisionReasons}}根据{{outcomeBasis}}的规定，本机关不予公开。',
  unavailable:
    '经检索查找，{{outcome}}。具体情况如下：{{decisionReasons}}根据{{outcomeBasis}}的规定，本机关无法提供该政府信息。',
  not_handled:
    '您的申请属于{{outcome}}情形。理由如下：{{decisionReasons}}根据{{outcomeBasis}}的规定，本机关不予处理。',
  other: '您的申请{{outcome}}，本机关依法终止处理。',
};

/**
 * Remedies notice (Art. 51; 行政复议法 第二十条: 60 days; 行政诉讼法 第四十六条: 6 months). Printed
 * on every decision letter, also when an agency's own template leaves it out.
 */
export const REMEDY =
  '如对本答复不服，可以自收到本答复之日起60日内依法向行政复议机关申请行政复议，或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼。';

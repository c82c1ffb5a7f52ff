import {
  type AnnualReport,
  section3OutcomeKeys,
  section3Row,
  type Section3RowKey,
} from './report-model';

const TOTAL = 6;
const count = (report: AnnualReport, key: Section3RowKey, column = TOTAL): number =>
  section3Row(report, key)[column] ?? 0;
const groupCount = (report: AnnualReport, prefix: string): number =>
  section3OutcomeKeys(report.format)
    .filter((k) => k === prefix || k.startsWith(`${prefix}.`))
    .reduce((s, k) => s + count(report, k), 0);

/**
 * The 依申请公开 paragraph of 一 (regulation.md §1.1), from section 三's figures. With no
 * applications it uses the example report's wording.
 */
export function applicationsParagraph(
  report: AnnualReport,
  agencyShortName = report.agency.name,
): string {
  const year = report.year;
  const received = count(report, 'received');
  const carriedIn = count(report, 'carried_in');
  const handled = count(report, 'total');
  const carriedForward = count(report, 'carried_forward');
  if (received === 0 && carriedIn === 0) {
    return `${year}年，${agencyShortName}未收到依申请公开信息相关情况。`;
  }
  const natural = count(report, 'received', 0);
  const organisations = received - natural;
  const parts = [
    `${year}年，${agencyShortName}共收到政府信息公开申请${received}件（其中自然人${natural}件，法人或其他组织${organisations}件），上年结转${carriedIn}件`,
    `本年度办结${handled}件，其中予以公开${count(report, 'disclosed')}件，部分公开${count(report, 'partially_disclosed')}件，不予公开${groupCount(report, 'withheld')}件，无法提供${groupCount(report, 'unavailable')}件，不予处理${groupCount(report, 'not_handled')}件，其他处理${groupCount(report, 'other')}件`,
    `结转下年度继续办理${carriedForward}件。`,
  ];
  return parts.join('；');
}

/** Project rule 7: the information-processing fee figures of the year, reported in 六. */
export interface FeeFigures {
  year: number;
  /** Fees collected, in 元. */
  amountYuan: number;
  /** Fee notices served in the year. */
  noticeCount: number;
  /** Applications closed as other.fee_unpaid in the year. */
  unpaidCount: number;
}

const FEE_BASIS =
  '按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）规定的按件、按量收费标准';

function yuan(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

/**
 * 六's information-processing-fee statement (国办函〔2020〕109号; Project rule 7): the amount, the
 * fee notices and the applications closed for non-payment; "no fee arose" as in the example report.
 */
export function feeStatement(figures: FeeFigures): string {
  if (figures.amountYuan === 0 && figures.noticeCount === 0 && figures.unpaidCount === 0) {
    return `${FEE_BASIS}，本年度没有产生信息处理费。`;
  }
  return (
    `${FEE_BASIS}，${figures.year}年度共发出收费通知${figures.noticeCount}件，收取信息处理费${yuan(figures.amountYuan)}元；` +
    `因申请人逾期未按收费通知要求缴纳费用而不再处理的政府信息公开申请${figures.unpaidCount}件。`
  );
}

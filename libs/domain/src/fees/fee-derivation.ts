import { calculateFee, type FeeBasis, type FeeCalculation } from './fee-rules';

/** The fee with the steps a clerk can check and an applicant can be told (国办函〔2020〕109号). */
export interface FeeDerivation extends FeeCalculation {
  readonly lines: readonly string[];
  readonly linesEn: readonly string[];
}

const yuan = (n: number) => `${n}元`;
const range = (from: number, to: number, unit: string) =>
  from === to ? `第${from}${unit}` : `第${from}–${to}${unit}`;

/**
 * 按件 (Art. 4): the application's place in the applicant's calendar month decides its fee;
 * 按量 (Art. 5): each page band of the one application at its rate.
 */
export function deriveFee(basis: FeeBasis): FeeDerivation {
  const calculation = calculateFee(basis);
  if (basis.standard === 'per_application') {
    const band = calculation.bands[0];
    return {
      ...calculation,
      lines: [
        '依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第四条按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的不收费；11–30件的部分每件100元；31件以上的部分每增加10件，每件收费标准提高100元。',
        `本件为该申请人当月第${basis.ordinalInMonth}件申请，适用${yuan(band?.unitYuan ?? 0)}/件。`,
        `应收信息处理费${yuan(calculation.amountYuan)}。`,
      ],
      linesEn: [
        'Per application (109号 Art. 4): 1–10 a month free; 11–30 100 yuan each; from 31, each band of 10 adds 100 yuan.',
        `This is the applicant's application no. ${basis.ordinalInMonth} this month: ${band?.unitYuan ?? 0} yuan.`,
        `Fee: ${calculation.amountYuan} yuan.`,
      ],
    };
  }
  return {
    ...calculation,
    lines: [
      '依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第五条按量计收：30页以下（含30页）的不收费；31–100页的部分每页10元；101–200页的部分每页20元；200页以上的部分每页40元。',
      `本件提供${basis.pages}页：`,
      ...calculation.bands.map((b) => {
        const pages = range(b.from, Math.min(b.to ?? basis.pages, basis.pages), '页');
        return b.unitYuan === 0
          ? `${pages}，${b.count}页免费`
          : `${pages}，${b.count}页×${yuan(b.unitYuan)}＝${yuan(b.subtotalYuan)}`;
      }),
      `合计应收信息处理费${yuan(calculation.amountYuan)}。`,
    ],
    linesEn: [
      'Per page (109号 Art. 5): up to 30 pages free; pages 31–100 10 yuan; 101–200 20 yuan; from 201 40 yuan.',
      `${basis.pages} pages:`,
      ...calculation.bands.map(
        (b) =>
          `pages ${b.from}–${b.to === null ? basis.pages : Math.min(b.to, basis.pages)}: ${b.count} × ${b.unitYuan} = ${b.subtotalYuan} yuan`,
      ),
      `Fee: ${calculation.amountYuan} yuan.`,
    ],
  };
}

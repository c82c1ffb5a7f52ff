/**
 * 信息处理费 under 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号). Both methods are progressive
 * on the excess (Art. 3), and one application uses one method, never both.
 */
export type FeeStandard = 'per_application' | 'per_page';

export const FEE_STANDARDS: readonly { code: FeeStandard; label: string; labelEn: string }[] = [
  { code: 'per_application', label: '按件计收', labelEn: 'Per application' },
  { code: 'per_page', label: '按量计收', labelEn: 'Per page' },
];

export function isFeeStandard(value: unknown): value is FeeStandard {
  return value === 'per_application' || value === 'per_page';
}

export interface FeeBand {
  readonly from: number;
  readonly to: number | null;
  readonly unitYuan: number;
  readonly count: number;
  readonly subtotalYuan: number;
}

export interface FeeCalculation {
  readonly standard: FeeStandard;
  readonly amountYuan: number;
  readonly bands: readonly FeeBand[];
}

function assertCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${what}必须是非负整数：${value}`);
}

/**
 * Art. 4 (按件): the fee of the n-th application of one applicant in one calendar month:
 * 1–10 free, 11–30 100元, and each further band of 10 adds 100元 (Project rule: 31–40 → 200,
 * 41–50 → 300, …).
 */
export function perApplicationUnitFeeYuan(ordinalInMonth: number): number {
  assertCount(ordinalInMonth, '当月申请序号');
  if (ordinalInMonth <= 10) return 0;
  if (ordinalInMonth <= 30) return 100;
  return 100 * (Math.floor((ordinalInMonth - 31) / 10) + 2);
}

/** Art. 4: all fees of an applicant's month with `count` applications (40 → 4,000元). */
export function perApplicationMonthFee(count: number): FeeCalculation {
  assertCount(count, '当月申请件数');
  const bands: FeeBand[] = [];
  const push = (from: number, to: number | null, unitYuan: number) => {
    const upper = to === null ? count : Math.min(to, count);
    const n = Math.max(0, upper - from + 1);
    if (n > 0) bands.push({ from, to, unitYuan, count: n, subtotalYuan: n * unitYuan });
  };
  push(1, 10, 0);
  push(11, 30, 100);
  for (let from = 31; from <= count; from += 10) {
    push(from, from + 9, perApplicationUnitFeeYuan(from));
  }
  return {
    standard: 'per_application',
    amountYuan: bands.reduce((sum, b) => sum + b.subtotalYuan, 0),
    bands,
  };
}

/** Art. 5 (按量): pages of one application: ≤30 free; 31–100 10元; 101–200 20元; 201+ 40元. */
export function perPageFee(pages: number): FeeCalculation {
  assertCount(pages, '页数');
  const tiers: [number, number | null, number][] = [
    [1, 30, 0],
    [31, 100, 10],
    [101, 200, 20],
    [201, null, 40],
  ];
  const bands: FeeBand[] = [];
  for (const [from, to, unitYuan] of tiers) {
    const upper = to === null ? pages : Math.min(to, pages);
    const n = Math.max(0, upper - from + 1);
    if (n > 0) bands.push({ from, to, unitYuan, count: n, subtotalYuan: n * unitYuan });
  }
  return {
    standard: 'per_page',
    amountYuan: bands.reduce((sum, b) => sum + b.subtotalYuan, 0),
    bands,
  };
}

/** The fee of one application, under the one standard it uses. */
export type FeeBasis =
  | { readonly standard: 'per_application'; readonly ordinalInMonth: number }
  | { readonly standard: 'per_page'; readonly pages: number };

export function calculateFee(basis: FeeBasis): FeeCalculation {
  if (basis.standard === 'per_page') return perPageFee(basis.pages);
  const unit = perApplicationUnitFeeYuan(basis.ordinalInMonth);
  return {
    standard: 'per_application',
    amountYuan: unit,
    bands: [
      {
        from: basis.ordinalInMonth,
        to: basis.ordinalInMonth,
        unitYuan: unit,
        count: 1,
        subtotalYuan: unit,
      },
    ],
  };
}

import fc from 'fast-check';
import {
  calculateFee,
  perApplicationMonthFee,
  perApplicationUnitFeeYuan,
  perPageFee,
} from './fee-rules';

describe('per-application fees (国办函〔2020〕109号 Art. 4)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ])('application no. %i of the month costs %i元', (n, fee) => {
    expect(perApplicationUnitFeeYuan(n)).toBe(fee);
  });

  it.each([
    [0, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [40, 4000],
    [50, 7000],
  ])('%i applications in a month cost %i元 in total', (count, total) => {
    expect(perApplicationMonthFee(count).amountYuan).toBe(total);
  });

  it('is monotonic in the month count, per application and in total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (n) => {
        expect(perApplicationUnitFeeYuan(n + 1)).toBeGreaterThanOrEqual(
          perApplicationUnitFeeYuan(n),
        );
        expect(perApplicationMonthFee(n + 1).amountYuan).toBeGreaterThanOrEqual(
          perApplicationMonthFee(n).amountYuan,
        );
        expect(
          perApplicationMonthFee(n).amountYuan - perApplicationMonthFee(n - 1).amountYuan,
        ).toBe(perApplicationUnitFeeYuan(n));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a negative or fractional count', () => {
    expect(() => perApplicationUnitFeeYuan(-1)).toThrow(RangeError);
    expect(() => perApplicationMonthFee(2.5)).toThrow(RangeError);
  });
});

describe('per-page fees (Art. 5)', () => {
  it.each([
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])('%i pages cost %i元', (pages, fee) => {
    expect(perPageFee(pages).amountYuan).toBe(fee);
  });

  it('uses one standard per application', () => {
    expect(calculateFee({ standard: 'per_page', pages: 31 })).toMatchObject({
      standard: 'per_page',
      amountYuan: 10,
    });
    expect(calculateFee({ standard: 'per_application', ordinalInMonth: 35 }).amountYuan).toBe(200);
  });
});

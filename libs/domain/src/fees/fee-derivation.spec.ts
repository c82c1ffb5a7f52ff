import fc from 'fast-check';
import { deriveFee } from './fee-derivation';

describe('deriveFee (国办函〔2020〕109号)', () => {
  it.each([
    [10, 0, '适用0元/件'],
    [11, 100, '当月第11件'],
    [31, 200, '适用200元/件'],
    [45, 300, '适用300元/件'],
  ])('按件: the %i-th application of the month costs %i元', (ordinal, amount, line) => {
    const d = deriveFee({ standard: 'per_application', ordinalInMonth: ordinal });
    expect(d.amountYuan).toBe(amount);
    expect(d.lines.join('')).toContain(line);
    expect(d.lines.at(-1)).toBe(`应收信息处理费${amount}元。`);
  });

  it('按量: each page band with its subtotal (250 pages → 700 + 2,000 + 2,000)', () => {
    const d = deriveFee({ standard: 'per_page', pages: 250 });
    expect(d.amountYuan).toBe(4700);
    expect(d.lines).toContain('第1–30页，30页免费');
    expect(d.lines).toContain('第31–100页，70页×10元＝700元');
    expect(d.lines).toContain('第101–200页，100页×20元＝2000元');
    expect(d.lines).toContain('第201–250页，50页×40元＝2000元');
    expect(d.lines.at(-1)).toBe('合计应收信息处理费4700元。');
  });

  it('按量: the lines add up to the amount, for any number of pages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (pages) => {
        const d = deriveFee({ standard: 'per_page', pages });
        const sum = d.bands.reduce((s, b) => s + b.subtotalYuan, 0);
        return sum === d.amountYuan && d.bands.reduce((s, b) => s + b.count, 0) === pages;
      }),
    );
  });
});

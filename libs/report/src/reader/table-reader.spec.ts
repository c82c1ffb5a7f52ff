import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseReportText } from '../text.parser';
import { FIXTURE_DIR, fixture } from '../test-fixtures';
import { splitDigitRuns } from './digit-split';
import { labelRecall } from './label-match';

// Text a PDF tool extracted from 洪泽区 2024 (formats/README): labels and figures on one line,
// headers broken over lines, figures before their label, page footers in between.
const HONGZE = readFileSync(join(FIXTURE_DIR, 'formats/2024-huaian-hongze-qu.txt'), 'utf8');
const hongze = parseReportText(HONGZE).report;

const misprintsAndMissing = (text: string): string[] =>
  parseReportText(text).findings.map((f) => `${f.kind}:${f.cells[0]?.row ?? ''}`);
const BASE_FINDINGS = misprintsAndMissing(HONGZE);

describe('the one table reader on text extracted from a PDF', () => {
  it('reads 洪泽区 2024 with its three findings', () => {
    expect(BASE_FINDINGS).toEqual([
      'misprint:withheld.prohibited_by_law',
      'missing_row:other.supplement_overdue',
      'missing_row:other.fee_unpaid',
    ]);
  });

  it.each([
    ['1、 numbering', (t: string) => t.replace(/(^|\s)(\d)\.(?=[\u4e00-\u9fff])/gm, '$1$2、')],
    [
      'full-width digits',
      (t: string) => t.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
    ],
    [
      'a row label split across a page break',
      (t: string) => t.replace('（四）无法提供 1.本机关', '（四）无\n- 3 -\n法提供 1.本机关'),
    ],
    [
      'a figure run flattened where the row sum makes the split unique',
      (t: string) => t.replace('申请数量 95 0 0 0 0 0 95', '申请数量 950000095'),
    ],
    ['Windows line ends and a byte-order mark', (t: string) => `\ufeff${t.replace(/\n/g, '\r\n')}`],
  ])('tolerates %s', (_, mutate) => {
    const parsed = parseReportText(mutate(HONGZE));
    expect(parsed.report.section3).toEqual(hongze.section3);
    expect(parsed.report.section4).toEqual(hongze.section4);
    expect(
      parsed.findings
        .filter((f) => f.kind !== 'split_digits')
        .map((f) => `${f.kind}:${f.cells[0]?.row ?? ''}`),
    ).toEqual(BASE_FINDINGS);
  });

  it('reports a flattened row that the sums cannot split uniquely instead of guessing', () => {
    // 11 applications of 自然人 or 10 + 1 across two columns: both add up.
    const text = HONGZE.replace('申请数量 95 0 0 0 0 0 95', '申请数量 1100000 11');
    const parsed = parseReportText(text);
    expect(parsed.report.section3.rows.received).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({ kind: 'ambiguous_row', level: 'error', printed: '1100000 11' }),
    );
  });
});

describe('flattened figures the column sums decide', () => {
  it('splits a row ambiguous by its own sum where the identities of the columns leave one reading', () => {
    // 予以公开 11 (自然人) or 1 + 10 (自然人, 商业企业): only 11 lets every column add up.
    const text = HONGZE.replaceAll(' 95 0 0 0 0 0 95', ' 56 0 0 0 0 0 56').replace(
      '（一）予以公开 50 0 0 0 0 0 50',
      '（一）予以公开 1100000 11',
    );
    const parsed = parseReportText(text);
    expect(parsed.report.section3.rows.disclosed).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({ kind: 'split_digits', level: 'warning', printed: '1100000 11' }),
    );
    expect(parsed.findings.some((f) => f.kind === 'ambiguous_row')).toBe(false);
  });
});

describe('the one table reader on the text layout', () => {
  const JIAOTONG = fixture('2022-pingtan-jiaotong-jianshe.txt');
  const base = parseReportText(JIAOTONG).report;

  it('finds the table after a sentence between heading and table', () => {
    const text = JIAOTONG.replace(
      '三、收到和处理政府信息公开申请情况\n',
      '三、收到和处理政府信息公开申请情况\n2022年，共收到政府信息公开申请11条。\n',
    );
    const parsed = parseReportText(text);
    expect(parsed.report.section3).toEqual(base.section3);
    expect(parsed.findings).toEqual([]);
  });

  it('reads （六）其他处理 printed as one row as 3.其他 and names the missing rows', () => {
    const lines = JIAOTONG.split('\n');
    const at = lines.findIndex((l) => l.includes('1.申请人无正当理由逾期不补正'));
    const end = lines.findIndex((l, i) => i > at && l === '\t3.其他');
    // Drop the sub-rows 1 and 2 and the item label of 3.
    const text = [...lines.slice(0, at), ...lines.slice(end + 1)].join('\n');
    const parsed = parseReportText(text);
    expect(parsed.report.section3.rows['other.other']).toEqual(base.section3.rows['other.other']);
    expect(parsed.findings.map((f) => `${f.kind}:${f.cells[0]?.row}`)).toEqual([
      'missing_row:other.supplement_overdue',
      'missing_row:other.fee_unpaid',
    ]);
  });
});

describe('splitting flattened figures', () => {
  const rowSum = (v: readonly number[]): boolean =>
    v.slice(0, 6).reduce((a, b) => a + b, 0) === v[6];

  it('property: a row printed as one digit run comes back when the split is unique, never wrongly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 6, maxLength: 6 }),
        (parts) => {
          const row = [...parts, parts.reduce((a, b) => a + b, 0)];
          const split = splitDigitRuns([row.join('')], 7, rowSum);
          if (Array.isArray(split)) expect(split).toEqual(row);
          else expect(split).toBe('ambiguous');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('matches labels by meaning despite misprints, other numbering and line breaks', () => {
    expect(labelRecall('2.其他法律行政止公开', '2.其他法律行政法规禁止公开')).toBeLessThan(0.85);
    expect(
      labelRecall(
        '（二）部分公开（区分处理的，只计这一情 形，不\n计其他情形）',
        '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      ),
    ).toBe(1);
    expect(labelRecall('4、无正当理由大量反复 申请', '4.无正当理由大量反复申请')).toBe(1);
    expect(
      labelRecall('⼀、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量'),
    ).toBe(1);
  });
});

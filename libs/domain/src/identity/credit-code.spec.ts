import fc from 'fast-check';
import {
  CREDIT_CODE_REGISTRATION_AUTHORITIES,
  creditCodeCheckCharacter,
  isValidCreditCode,
  validateCreditCode,
} from './credit-code';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Published codes, each confirmed with the check below:
 * - 91350100M000100Y43: the example most often quoted for the standard (Fuzhou pilot).
 * - 91110000600037341L, 121200004013590816, 91310115MA1K3BTP2B, 92340602MA2PBMEM24: python-stdnum,
 *   tests/test_cn_uscc.doctest ("found online and should all be valid numbers").
 * - 91440300MA5H0HLK5U: 柯兴科技（深圳）有限公司, as printed in the footer of its own website.
 */
const PUBLISHED = [
  ['91350100M000100Y43', '工商 · 企业'],
  ['91110000600037341L', '工商 · 企业'],
  ['121200004013590816', '机构编制 · 事业单位'],
  ['91310115MA1K3BTP2B', '工商 · 企业, post-2015 主体标识码'],
  ['92340602MA2PBMEM24', '工商 · 个体工商户'],
  ['91440300MA5H0HLK5U', '工商 · 企业'],
] as const;

describe('unified social credit codes (GB 32100-2015)', () => {
  it.each(PUBLISHED)('%s (%s) is valid', (code) => {
    expect(validateCreditCode(code)).toEqual({ valid: true, normalised: code });
  });

  it('works the check character out by hand for 91350100M000100Y43', () => {
    // Values × weights: 9×1 + 1×3 + 3×9 + 5×27 + 0×19 + 1×26 + 0×16 + 0×17 + M(21)×20 + 0×29
    // + 0×25 + 0×13 + 1×8 + 0×24 + 0×10 + Y(30)×30 + 4×28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    // 538 mod 31 = 11; 31 − 11 = 20, the value of L.
    expect(creditCodeCheckCharacter('91110000600037341')).toBe('L');
  });

  it('maps a remainder of 0 to the check character 0 (31 means 0)', () => {
    // Varying position 17 (weight 28, invertible mod 31) reaches every remainder, 0 among them.
    const body = [...Array(31).keys()]
      .map((v) => `91110000${'0'.repeat(8)}${ALPHABET[v]}`)
      .find((b) => creditCodeCheckCharacter(b) === '0');
    expect(body).toBeDefined();
    expect(validateCreditCode(`${body}0`).valid).toBe(true);
  });

  it.each([
    ['91350100m000100y43', '91350100M000100Y43'],
    ['  91110000600037341L ', '91110000600037341L'],
  ])('normalises %j to %s', (input, normalised) => {
    expect(validateCreditCode(input)).toEqual({ valid: true, normalised });
  });

  it.each([
    ['91350100M000100Y4', 'length', '统一社会信用代码应为18位，现为17位'],
    ['91350100M000100Y433', 'length', '统一社会信用代码应为18位，现为19位'],
    ['', 'length', '统一社会信用代码应为18位，现为0位'],
    [
      '91350100I000100Y43',
      'character',
      '统一社会信用代码第9位“I”不是有效字符：只能是数字或大写字母，且不使用I、O、Z、S、V',
    ],
    ['9135010O', 'character', '统一社会信用代码第8位“O”不是有效字符'],
    ['91350100M000100Y4公', 'character', '第18位“公”不是有效字符'],
    ['B1350100M000100Y43', 'registration_authority', '第1位（登记管理部门代码）不能是“B”'],
    ['94350100M000100Y43', 'organisation_type', '登记管理部门为工商的，应为1、2、3'],
    ['Y2350100M000100Y43', 'organisation_type', '登记管理部门为其他的，应为1'],
    ['913501A0M000100Y43', 'region', '第3至8位（登记管理机关行政区划码）应为6位数字'],
    ['91350100M000100Y44', 'check_character', '校验码应为3'],
    ['91350100M000100Y34', 'check_character', '校验码应为'],
    ['91110000600037341N', 'check_character', '校验码应为L'],
    // A Fujian pilot code issued before the standard (see credit-code.ts): refused all the same.
    ['91350100M0001TGQXM', 'check_character', '校验码应为1'],
  ])('%j: %s', (code, problem, message) => {
    const result = validateCreditCode(code);
    expect(result).toMatchObject({ valid: false, problem });
    if (!result.valid) expect(result.message).toContain(message);
  });

  it('tells the clerk the check character is computed from the first 17 positions', () => {
    const result = validateCreditCode('91350100M000100Y44');
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.message).toMatch(/按前17位计算.*逐位核对/);
  });

  it('accepts every registration authority and organisation type the standard lists', () => {
    for (const [authority, { types }] of Object.entries(CREDIT_CODE_REGISTRATION_AUTHORITIES)) {
      for (const type of Object.keys(types)) {
        const body = `${authority}${type}110108717743469`;
        expect(isValidCreditCode(body + creditCodeCheckCharacter(body))).toBe(true);
      }
    }
  });

  it('refuses a body of the wrong shape when asked for its check character', () => {
    expect(() => creditCodeCheckCharacter('9135010')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('91350100I000100Y4')).toThrow(RangeError);
  });

  describe('properties', () => {
    const char = fc.constantFrom(...ALPHABET);
    const heads = Object.entries(CREDIT_CODE_REGISTRATION_AUTHORITIES).flatMap(([a, { types }]) =>
      Object.keys(types).map((t) => `${a}${t}`),
    );
    /** A body as an authority issues it: listed head, six digits, nine alphabet characters. */
    const body17 = fc
      .tuple(
        fc.constantFrom(...heads),
        fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }),
        fc.array(char, { minLength: 9, maxLength: 9 }),
      )
      .map(([head, region, subject]) => `${head}${region.join('')}${subject.join('')}`);

    it('accepts every body with its computed check character', () => {
      fc.assert(
        fc.property(body17, (body) => {
          const code = body + creditCodeCheckCharacter(body);
          expect(validateCreditCode(code)).toEqual({ valid: true, normalised: code });
          expect(validateCreditCode(code.toLowerCase()).valid).toBe(true);
        }),
        { numRuns: 500 },
      );
    });

    it('refuses the code when any one character is changed', () => {
      // Every weight is a power of 3 and 31 is prime, so a changed value always moves the sum.
      const replacement = fc.constantFrom(...ALPHABET, 'I', 'O', 'Z', 'S', 'V');
      fc.assert(
        fc.property(body17, fc.integer({ min: 0, max: 17 }), replacement, (body, at, c) => {
          const code = body + creditCodeCheckCharacter(body);
          fc.pre(code[at] !== c);
          const changed = `${code.slice(0, at)}${c}${code.slice(at + 1)}`;
          expect(validateCreditCode(changed).valid).toBe(false);
        }),
        { numRuns: 1000 },
      );
    });

    it('refuses the code when two neighbouring characters of the body are swapped', () => {
      // Neighbouring weights differ by a factor of 3, so a swap of unequal values moves the sum.
      fc.assert(
        fc.property(body17, fc.integer({ min: 0, max: 15 }), (body, at) => {
          const code = body + creditCodeCheckCharacter(body);
          fc.pre(code[at] !== code[at + 1]);
          const swapped = `${code.slice(0, at)}${code[at + 1]}${code[at]}${code.slice(at + 2)}`;
          expect(validateCreditCode(swapped).valid).toBe(false);
        }),
        { numRuns: 500 },
      );
    });
  });
});

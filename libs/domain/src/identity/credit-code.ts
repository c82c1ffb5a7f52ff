/**
 * 统一社会信用代码 of a legal person or other organisation (GB 32100-2015, amendment No. 1 of 2016
 * included). Art. 29 (一) of the 条例 asks an organisation applicant for its identity proof, and
 * this code is that identity as the 公民身份号码 is a citizen's, so the desk checks it as carefully.
 * The code is public information (it is printed on the business licence), so unlike the identity
 * number it is stored and shown in full.
 *
 * Structure: position 1 登记管理部门代码, 2 机构类别代码, 3–8 登记管理机关行政区划码 (GB/T 2260,
 * digits), 9–17 主体标识码 (the GB 11714 organisation code), 18 校验码. Every position uses the
 * standard's alphabet of 31 characters: the digits and the capital letters without I, O, Z, S, V
 * (easily mistaken for 1, 0, 2, 5 and U).
 *
 * Known exception: some codes issued in the Fujian pilot before the standard (e.g.
 * 91350100M0001TGQXM, listed as real in the public aarioai/id-rule sources) fail the check
 * character. They are refused as the standard says; such an applicant is registered without it.
 */

/** The code alphabet in value order: a character's value (0–30) is its index. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * The weights of positions 1–17: 3^(i−1) mod 31 (the check is computed after GB/T 17710, modulus
 * 31). Written out so that they can be compared with the standard's table.
 */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 登记管理部门代码 (position 1) and, for each, its 机构类别代码 (position 2), as the standard lists
 * them. 工商 has no 9 其他; Y 其他 is not divided further and always uses 1.
 */
export const CREDIT_CODE_REGISTRATION_AUTHORITIES: Readonly<
  Record<string, { readonly label: string; readonly types: Readonly<Record<string, string>> }>
> = {
  '1': {
    label: '机构编制',
    types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { label: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    label: '司法行政',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { label: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': {
    label: '民政',
    types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  },
  '6': {
    label: '旅游',
    types: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': { label: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { label: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { label: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { label: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: {
    label: '农业',
    types: {
      '1': '组级集体经济组织',
      '2': '村级集体经济组织',
      '3': '乡镇级集体经济组织',
      '9': '其他',
    },
  },
  Y: { label: '其他', types: { '1': '其他' } },
};

export type CreditCodeProblem =
  | 'character'
  | 'length'
  | 'registration_authority'
  | 'organisation_type'
  | 'region'
  | 'check_character';

export type CreditCodeValidation =
  | { readonly valid: true; readonly normalised: string }
  | { readonly valid: false; readonly problem: CreditCodeProblem; readonly message: string };

/** Position 18 for the first 17 characters: 31 − (Σ value × weight mod 31), 31 meaning 0. */
export function creditCodeCheckCharacter(body17: string): string {
  const chars = [...body17];
  if (chars.length !== 17 || chars.some((c) => !ALPHABET.includes(c))) {
    throw new RangeError('统一社会信用代码本体应为17位代码字符');
  }
  const sum = chars.reduce((acc, c, i) => acc + ALPHABET.indexOf(c) * WEIGHTS[i], 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

function refuse(problem: CreditCodeProblem, message: string): CreditCodeValidation {
  return { valid: false, problem, message };
}

/**
 * 统一社会信用代码 (18 characters); lower-case letters are accepted and normalised to capitals.
 * The characters are checked before the length, so that a clerk still typing is told at once of a
 * character that can never be right (the desk shows the length problem only when the field is left).
 */
export function validateCreditCode(value: string): CreditCodeValidation {
  const normalised = value.trim().toUpperCase();
  const chars = [...normalised];
  const bad = chars.findIndex((c) => !ALPHABET.includes(c));
  if (bad >= 0) {
    return refuse(
      'character',
      `统一社会信用代码第${bad + 1}位“${chars[bad]}”不是有效字符：只能是数字或大写字母，且不使用I、O、Z、S、V`,
    );
  }
  if (chars.length !== 18) {
    return refuse('length', `统一社会信用代码应为18位，现为${chars.length}位`);
  }
  const authority = CREDIT_CODE_REGISTRATION_AUTHORITIES[chars[0]];
  if (!authority) {
    return refuse(
      'registration_authority',
      `统一社会信用代码第1位（登记管理部门代码）不能是“${chars[0]}”，应为1至9或A、N、Y`,
    );
  }
  if (!authority.types[chars[1]]) {
    return refuse(
      'organisation_type',
      `统一社会信用代码第2位（机构类别代码）不能是“${chars[1]}”：登记管理部门为${authority.label}的，应为${Object.keys(authority.types).join('、')}`,
    );
  }
  if (!/^\d{6}$/.test(normalised.slice(2, 8))) {
    return refuse('region', '统一社会信用代码第3至8位（登记管理机关行政区划码）应为6位数字');
  }
  const check = creditCodeCheckCharacter(normalised.slice(0, 17));
  if (check !== chars[17]) {
    return refuse(
      'check_character',
      `统一社会信用代码校验码不正确：按前17位计算，校验码应为${check}。请对照证照逐位核对，前17位抄错也会如此`,
    );
  }
  return { valid: true, normalised };
}

export function isValidCreditCode(value: string): boolean {
  return validateCreditCode(value).valid;
}

import { isLocalDate } from '../dates';

/** GB 11643-1999 weights for the 17 body digits (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export type ResidentIdProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

export type ResidentIdValidation =
  | { readonly valid: true; readonly normalised: string; readonly birthDate: string }
  | { readonly valid: false; readonly problem: ResidentIdProblem; readonly message: string };

/** The check character of the first 17 digits (GB 11643, ISO 7064 MOD 11-2). */
export function residentIdCheckCharacter(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('身份证号码本体码应为17位数字');
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(body17[i]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

/** 公民身份号码 (18 characters). A lower-case x is accepted and normalised to X. */
export function validateResidentId(value: string): ResidentIdValidation {
  const normalised = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalised)) {
    return {
      valid: false,
      problem: 'format',
      message: '身份证号码应为18位，前17位为数字，最后一位为数字或X',
    };
  }
  if (/^0/.test(normalised.slice(0, 1)) || normalised.slice(0, 2) === '00') {
    return { valid: false, problem: 'region', message: '身份证号码的地址码不正确' };
  }
  const birthDate = `${normalised.slice(6, 10)}-${normalised.slice(10, 12)}-${normalised.slice(12, 14)}`;
  if (!isLocalDate(birthDate)) {
    return { valid: false, problem: 'birth_date', message: '身份证号码中的出生日期不正确' };
  }
  if (residentIdCheckCharacter(normalised.slice(0, 17)) !== normalised[17]) {
    return { valid: false, problem: 'check_digit', message: '身份证号码校验码不正确，请核对' };
  }
  return { valid: true, normalised, birthDate };
}

export function isValidResidentId(value: string): boolean {
  return validateResidentId(value).valid;
}

/**
 * On screen an identity number shows its first 3 and last 4 characters only (DESIGN.md,
 * Security); a reveal of the full number is journaled elsewhere.
 */
export function maskIdentityNumber(value: string): string {
  const v = value.trim();
  if (v.length <= 7) return '*'.repeat(v.length);
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}

/**
 * 等保2.0 三级 (GB/T 22239-2019 8.1.4.1 身份鉴别): passwords of sufficient complexity, changed
 * periodically. Pure: the list of common passwords and the password history are the caller's
 * (a data package and the database), the rule is here.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** Of lower-case letters, upper-case letters, digits and other characters. */
export const PASSWORD_MIN_CLASSES = 3;
/** A new password may not be any of the user's last five (the current one included). */
export const PASSWORD_HISTORY_DEPTH = 5;
/** More identical characters in a row than this make a password refused (`aaaa…`, spaces). */
const MAX_RUN = 3;

export interface PasswordContext {
  readonly username?: string;
  /** True for a password found in a list of common passwords (compared in lower case). */
  readonly isCommon?: (lowerCased: string) => boolean;
}

export type PasswordClass = 'lower' | 'upper' | 'digit' | 'other';

export function passwordClasses(password: string): Set<PasswordClass> {
  const classes = new Set<PasswordClass>();
  for (const ch of password) {
    if (/\s/u.test(ch)) continue; // white space is padding, not a class of its own
    if (/[a-z]/.test(ch)) classes.add('lower');
    else if (/[A-Z]/.test(ch)) classes.add('upper');
    else if (/[0-9]/.test(ch)) classes.add('digit');
    else classes.add('other');
  }
  return classes;
}

function longestRun(password: string): number {
  let longest = 0;
  let run = 0;
  let previous: string | undefined;
  for (const ch of password) {
    run = ch === previous ? run + 1 : 1;
    previous = ch;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** The common-password check also catches a listed word with digits or signs around it. */
function commonCore(lower: string): string {
  return lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
}

/**
 * What is wrong with a new password, in Chinese, for the field's message; an empty list means
 * the password may be used (the history check is separate: it needs the stored hashes).
 */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`密码至少需要${PASSWORD_MIN_LENGTH}个字符`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过${PASSWORD_MAX_LENGTH}个字符`);
  if (password.trim() !== password) problems.push('密码不能以空格开头或结尾');
  if (passwordClasses(password).size < PASSWORD_MIN_CLASSES) {
    problems.push('密码需包含大写字母、小写字母、数字、其他符号中的至少三类');
  }
  if (longestRun(password) > MAX_RUN) problems.push(`同一字符不能连续出现${MAX_RUN + 1}次及以上`);
  const lower = password.toLowerCase();
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) {
    problems.push('密码不能包含用户名');
  }
  const core = commonCore(lower);
  if (
    context.isCommon &&
    (context.isCommon(lower) || (core.length >= 4 && context.isCommon(core)))
  ) {
    problems.push('密码过于常见，容易被猜中，请换一个');
  }
  return problems;
}

export const PASSWORD_REUSED_MESSAGE = `新密码不能与最近${PASSWORD_HISTORY_DEPTH}次使用过的密码相同`;

/** 等保: periodic change. `maxAgeDays` null or 0 means no expiry (PASSWORD_MAX_AGE_DAYS unset). */
export function passwordExpired(changedAt: Date, now: Date, maxAgeDays: number | null): boolean {
  if (!maxAgeDays || maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() > maxAgeDays * 86_400_000;
}

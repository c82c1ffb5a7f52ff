import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, t=3, p=4), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Minimum the desk accepts for a new password. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return '密码至少需要10个字符';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码需同时包含字母和数字';
  return null;
}

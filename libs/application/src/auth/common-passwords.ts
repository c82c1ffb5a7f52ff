import { dictionary } from '@zxcvbn-ts/language-common';

// zxcvbn-ts's list of common passwords (about 50 000, from leaked password sets), maintained
// upstream; lower-cased as the policy compares.
let common: Set<string> | null = null;

export function isCommonPassword(lowerCased: string): boolean {
  common ??= new Set(
    (dictionary as Record<string, readonly string[]>)['passwords-common']?.map((p) =>
      p.toLowerCase(),
    ) ?? [],
  );
  return common.has(lowerCased);
}

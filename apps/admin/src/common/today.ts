/**
 * Today in Asia/Shanghai as YYYY-MM-DD: the agency's legal day, whatever the browser's zone.
 * Only a default for date fields; the API decides whether a date is acceptable.
 */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function currentYear(): number {
  return Number(todayInShanghai().slice(0, 4));
}

/** A recorded instant as the agency's clock read it (Beijing time), in the desk's language. */
export function shanghaiTime(iso: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
  });
}

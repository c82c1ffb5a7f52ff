import { formatLocalDateZh } from '@gongkai/domain';
import type { Locale } from '@gongkai/ui';

/** A legal date (YYYY-MM-DD) as a reader of the locale writes it. */
export function formatDate(locale: Locale, date: string | null | undefined): string {
  if (!date) return '—';
  return locale === 'zh-CN' ? formatLocalDateZh(date) : date;
}

/** An instant (ISO) as a date and time in China, where every legal date of the report lies. */
export function formatInstant(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * A feature's strings in both languages. Chinese is written first and is the source of the keys;
 * the English table must have exactly the same keys, so a missing translation fails typecheck.
 */
export type MessageCatalog<K extends string> = Record<Locale, Record<K, string>>;

export function defineMessages<K extends string>(
  zhCN: Record<K, string>,
  en: NoInfer<Record<K, string>>,
): MessageCatalog<K> {
  return { 'zh-CN': zhCN, en };
}

/** Replaces `{name}` placeholders; unknown placeholders are left as they are. */
export function formatMessage(
  template: string,
  values: Record<string, string | number> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

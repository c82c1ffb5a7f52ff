import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { DEFAULT_LOCALE, isLocale, type Locale, type MessageCatalog } from './messages';

const STORAGE_KEY = 'gongkai.locale';

/** Ant Design's blue for actions: the brand's seal red would read as an error on a form. */
export const gongkaiTheme: ThemeConfig = {
  token: { borderRadius: 6 },
};

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue>({
  locale: DEFAULT_LOCALE,
  setLocale: () => undefined,
});

function storedLocale(): Locale | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Chinese first: the locale is zh-CN unless the user chose English (remembered in localStorage).
 * Also sets Ant Design's and dayjs' locale and the document language, so screen readers and
 * date pickers follow the switch.
 */
export function I18nProvider({
  children,
  initialLocale,
}: {
  children: ReactNode;
  initialLocale?: Locale;
}) {
  const [locale, setLocaleState] = useState<Locale>(
    () => initialLocale ?? storedLocale() ?? DEFAULT_LOCALE,
  );

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the switch still holds for this page.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  }, [locale]);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={gongkaiTheme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useLocale(): I18nValue {
  return useContext(I18nContext);
}

/** The strings of one catalog in the current locale. */
export function useMessages<K extends string>(catalog: MessageCatalog<K>): Record<K, string> {
  return catalog[useLocale().locale];
}

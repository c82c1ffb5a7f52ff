import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLocale, useMessages } from './i18n.context';
import { uiMessages } from './ui.messages';

/** One button that flips between Chinese and English, labelled in the language it switches to. */
export function LocaleSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useMessages(uiMessages);
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      size="small"
      icon={<GlobalOutlined />}
      aria-label={t.switchLanguage}
      lang={next}
      onClick={() => setLocale(next)}
    >
      {t.switchToOther}
    </Button>
  );
}

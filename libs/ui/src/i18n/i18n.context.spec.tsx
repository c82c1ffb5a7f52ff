import { fireEvent, render, screen } from '@testing-library/react';
import { DatePicker } from 'antd';
import { I18nProvider, useMessages } from './i18n.context';
import { LocaleSwitch } from './locale-switch';
import { defineMessages } from './messages';

const messages = defineMessages(
  { greeting: '政府信息公开' },
  { greeting: 'Government information disclosure' },
);

function Greeting() {
  return <h1>{useMessages(messages).greeting}</h1>;
}

describe('I18nProvider', () => {
  beforeEach(() => window.localStorage.clear());

  it('starts in Chinese, switches to English and remembers the choice', () => {
    const { unmount } = render(
      <I18nProvider>
        <Greeting />
        <LocaleSwitch />
        <DatePicker />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('政府信息公开');
    expect(screen.getByPlaceholderText('请选择日期')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');

    fireEvent.click(screen.getByRole('button', { name: '切换语言' }));

    expect(screen.getByRole('heading')).toHaveTextContent('Government information disclosure');
    expect(screen.getByPlaceholderText('Select date')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('gongkai.locale')).toBe('en');
    unmount();

    render(
      <I18nProvider>
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('Government information disclosure');
  });
});

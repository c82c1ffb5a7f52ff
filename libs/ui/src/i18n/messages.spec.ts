import { defineMessages, formatMessage, isLocale } from './messages';

describe('messages', () => {
  it('keeps both tables under their locale', () => {
    const catalog = defineMessages({ hello: '你好' }, { hello: 'Hello' });
    expect(catalog['zh-CN'].hello).toBe('你好');
    expect(catalog.en.hello).toBe('Hello');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(formatMessage('剩余{n}个工作日（{unit}）', { n: 3 })).toBe('剩余3个工作日（{unit}）');
  });

  it('recognises the supported locales only', () => {
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(false);
  });
});

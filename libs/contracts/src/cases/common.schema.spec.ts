import { localDate, requiredText, text } from './common.schema';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error?.issues[0]?.message;

describe('field messages a clerk understands', () => {
  it.each([
    ['a missing required text', requiredText(10, '申请内容'), undefined, '请填写申请内容'],
    ['a number for a text', requiredText(10, '申请内容'), 42, '申请内容应为文字'],
    ['blank text', requiredText(10, '申请内容'), '   ', '请填写申请内容'],
    ['text over the limit', text(3, '备注'), '一二三四', '备注不能超过3个字'],
    ['a missing date', localDate('收到日期'), undefined, '请填写收到日期'],
    ['a number for a date', localDate('收到日期'), 20250630, '收到日期应为 YYYY-MM-DD 格式的日期'],
    [
      'an impossible date',
      localDate('收到日期'),
      '2025-02-30',
      '收到日期应为 YYYY-MM-DD 格式的有效日期',
    ],
  ])('%s', (_case, schema, input, message) => {
    expect(messageOf(schema.safeParse(input))).toBe(message);
  });

  it('accepts and trims good text', () => {
    expect(requiredText(10, '申请内容').parse('  某文件 ')).toBe('某文件');
  });
});

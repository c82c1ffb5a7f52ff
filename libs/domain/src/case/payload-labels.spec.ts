import { EVENT_LABELS, STATE_LABELS } from './case-labels';
import { JOURNAL_NOTE_LABELS } from './journal-notes';
import {
  HOLIDAY_NOTICE,
  legalBasisLabel,
  PAYLOAD_FIELD_LABELS,
  payloadValueLabel,
} from './payload-labels';

describe('labels of journal payloads', () => {
  it.each([
    ['standard', 'per_page', '按量计收'],
    ['standard', 'per_application', '按件计收'],
    ['party', 'third_party', '第三方'],
    ['party', 'other_agency', '其他机关'],
    ['reasonable', true, '合理'],
    ['reasonable', false, '不合理'],
    ['method', 'post', '邮寄送达'],
    ['outcome', 'withheld.state_secret', '属于国家秘密'],
    ['anything', true, '是'],
  ])('%s = %p reads %s', (key, value, zh) => {
    expect(payloadValueLabel(key, value)?.zh).toBe(zh);
  });

  it('leaves free text, dates and numbers as they are', () => {
    expect(payloadValueLabel('reason', '材料较多')).toBeUndefined();
    expect(payloadValueLabel('pages', 45)).toBeUndefined();
  });

  it('labels every payload field of the events in Chinese and English', () => {
    for (const key of [
      'standard',
      'pages',
      'party',
      'reasonable',
      'reasons',
      'basis',
      'overrideReason',
    ]) {
      expect(PAYLOAD_FIELD_LABELS[key]?.zh).toMatch(/\p{Script=Han}/u);
      expect(PAYLOAD_FIELD_LABELS[key]?.en).toBeTruthy();
    }
  });

  it('shows a legal basis as the article or the document, never an internal rule number', () => {
    expect(legalBasisLabel('第三十条')).toBe('《中华人民共和国政府信息公开条例》第三十条');
    expect(legalBasisLabel('国办函〔2020〕109号')).toBe(
      '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    );
    expect(legalBasisLabel('项目规则16')).toBe(HOLIDAY_NOTICE);
    expect(legalBasisLabel('项目规则3')).toBeNull();
    expect(legalBasisLabel(null)).toBeNull();
    const all = [
      ...Object.values(EVENT_LABELS),
      ...Object.values(STATE_LABELS),
      ...Object.values(JOURNAL_NOTE_LABELS),
    ];
    for (const label of all) {
      expect(legalBasisLabel(label.basis) ?? '').not.toMatch(/项目规则|rule/i);
      if (label.basis) expect(legalBasisLabel(label.basis)).toMatch(/《|通知/);
    }
  });
});

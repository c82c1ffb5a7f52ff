import fs from 'node:fs';
import path from 'node:path';
import { OUTCOMES } from '@gongkai/domain';
import { HEADER_SYNONYMS, VALUE_SYNONYMS } from './workbook-synonyms';
import {
  cleanText,
  codeOf,
  fromExcelSerial,
  parseCellDate,
  parseCellNumber,
} from './workbook-values';

describe('workbook values', () => {
  it.each([
    ['2024-03-06', '2024-03-06'],
    ['2024/3/6', '2024-03-06'],
    ['2024.4.8', '2024-04-08'],
    ['2024年3月7日', '2024-03-07'],
    ['２０２４年４月１０日', '2024-04-10'],
    ['２０２４／４／１０', '2024-04-10'],
    [' 2024 年 3 月 7 日　', '2024-03-07'],
    ['2024-03-06 14:30', '2024-03-06'],
    ['20240306', '2024-03-06'],
    ['45384', '2024-04-02'],
    [45384, '2024-04-02'],
    [45384.75, '2024-04-02'],
    [20240306, '2024-03-06'],
    [new Date(Date.UTC(2024, 4, 6)), '2024-05-06'],
  ])('reads the date %p', (value, expected) => {
    expect(parseCellDate(value)).toBe(expected);
  });

  it.each(['2024-13-01', '2024/2/30', '2024年3月', '明天', '', '3/6/2024', 0, -1])(
    'refuses the date %p',
    (value) => {
      expect(parseCellDate(value)).toBeNull();
    },
  );

  it('counts Excel serials from 1899-12-30, or from 1904-01-01 in the 1904 system', () => {
    expect(fromExcelSerial(1)).toBe('1900-01-01');
    expect(fromExcelSerial(61)).toBe('1900-03-01');
    expect(fromExcelSerial(45292)).toBe('2024-01-01');
    expect(fromExcelSerial(43830, true)).toBe('2024-01-01');
  });

  it.each([
    ['channel', '当面提交', 'in_person'],
    ['channel', '信函', 'post'],
    ['channel', '挂号信', 'post'],
    ['channel', 'EMS', 'post'],
    ['channel', 'ems', 'post'],
    ['channel', '网上', 'online'],
    ['channel', '网络平台', 'online'],
    ['channel', '邮箱', 'email'],
    ['channel', 'online', 'online'],
    ['service.method', '直接送达', 'in_person'],
    ['service.method', '电子送达', 'electronic'],
    ['service.method', '邮寄', 'post'],
    ['applicant.category', '自然人', 'natural_person'],
    ['applicant.category', ' 企业 ', 'commercial_enterprise'],
    ['outcome', '予以公开', 'disclosed'],
    ['outcome', '同意公开', 'disclosed'],
    ['outcome', '（一）予以公开', 'disclosed'],
    ['outcome', '部分公开', 'partially_disclosed'],
    ['outcome', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partially_disclosed'],
    ['outcome', '不予公开—属于国家秘密', 'withheld.state_secret'],
    ['outcome', '不予公开-属于国家秘密', 'withheld.state_secret'],
    ['outcome', '（三）1.属于国家秘密', 'withheld.state_secret'],
    ['outcome', '(三)3.危及"三安全一稳定"', 'withheld.security_stability'],
    ['outcome', '危及“三安全一稳定”', 'withheld.security_stability'],
    ['outcome', '（五）2.重复申请', 'not_handled.duplicate'],
    ['outcome', '（五）2', 'not_handled.duplicate'],
    ['outcome', '五、2、重复申请', 'not_handled.duplicate'],
    ['outcome', '信息不存在', 'unavailable.not_held'],
    ['outcome', '无法提供—本机关不掌握相关政府信息', 'unavailable.not_held'],
    ['outcome', '逾期不补正', 'other.supplement_overdue'],
    ['outcome', '逾期未缴费', 'other.fee_unpaid'],
    ['outcome', '（六）3.其他', 'other.other'],
    ['outcome', 'withheld.state_secret', 'withheld.state_secret'],
  ])('reads %s "%s" as %s', (field, text, code) => {
    expect(codeOf(field, text)).toBe(code);
  });

  it('reads every official outcome label with its printed row number', () => {
    for (const o of OUTCOMES) {
      const printed = `${o.groupNumber}${o.item === null ? '' : `${o.item}.`}${o.label}`;
      expect([printed, codeOf('outcome', printed)]).toEqual([printed, o.code]);
    }
  });

  it.each([
    ['outcome', '不予公开'],
    ['outcome', '不知道'],
    ['channel', '飞鸽传书'],
    ['applicant.category', '法人或其他组织'],
  ])('does not guess %s "%s"', (field, text) => {
    expect(codeOf(field, text)).toBeUndefined();
  });

  it('cleans names: full-width padding between Chinese characters goes, trailing spaces too', () => {
    expect(cleanText('王　五 ')).toBe('王五');
    expect(cleanText('  某某　有限公司　')).toBe('某某有限公司');
    expect(cleanText('ACME\u3000Ltd.')).toBe('ACME Ltd.');
  });

  it('reads amounts and working days typed with their unit', () => {
    expect(parseCellNumber('100元')).toBe(100);
    expect(parseCellNumber('１５个工作日')).toBe(15);
    expect(parseCellNumber(20)).toBe(20);
    expect(parseCellNumber('二十')).toBeNull();
  });

  it('every synonym is documented in docs/ledger-workbook.md', () => {
    const doc = fs.readFileSync(
      path.join(__dirname, '../../../../docs/ledger-workbook.md'),
      'utf8',
    );
    const missing = [
      ...Object.keys(HEADER_SYNONYMS),
      ...Object.values(VALUE_SYNONYMS).flatMap((t) => Object.keys(t)),
    ].filter((word) => !doc.includes(word));
    expect(missing).toEqual([]);
  });
});

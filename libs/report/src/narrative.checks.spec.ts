import { checkN1, checkN2, narrativeSentences, statedApplicationFigures } from './narrative.checks';
import { type AnnualReport, createReport } from './report-model';

function report(overview: string, other = ''): AnnualReport {
  const r = createReport({ agency: { code: 'x', name: '某局' }, year: 2024 });
  r.texts = { overview, problems: '', other };
  r.section3.rows.received = [3, 0, 0, 0, 0, 0, 3];
  r.section3.rows.disclosed = [2, 0, 0, 0, 0, 0, 2];
  r.section3.rows['other.other'] = [1, 0, 0, 0, 0, 0, 1];
  r.section3.rows.total = [3, 0, 0, 0, 0, 0, 3];
  return r;
}

describe('figures the narrative states about applications', () => {
  it.each([
    ['2024年，共收到政府信息公开申请3条。', [['received', 3]]],
    ['区政府办代表区政府受理政府\n信息公开申请 17 件，均已答复。', [['received', 17]]],
    ['2024年共收到依申请公开8件，均已按期答复办结。', [['received', 8]]],
    ['全年共收到政府信息公开申请４件。', [['received', 4]]],
    ['本年度新收政府信息公开申请数量为12件。', [['received', 12]]],
    ['2023年，人民社区未收到依申请公开信息相关情况。', [['received', 0]]],
    ['办理依申请公开19件。', [['handled', 19]]],
    [
      '上年结转2件，结转下年度继续办理1件。',
      [
        ['carried_in', 2],
        ['carried_forward', 1],
      ],
    ],
    [
      '其中予以公开50件，不予公开3件。',
      [
        ['disclosed', 50],
        ['withheld', 3],
      ],
    ],
    // Not applications: 主动公开, 复议, 诉讼 counts and the channels of applications.
    ['主动发布各类政府信息2428条，公开政府常务会议7期。', []],
    ['全年发生政府信息公开行政复议案件2件，行政诉讼1件。', []],
    ['其中网络申请5件，信函申请6件。', []],
    ['目前未收到该申请人提交的补正，结转下年度办理。', []],
  ])('%s', (text, expected) => {
    expect(statedApplicationFigures(report(text)).map((s) => [s.what, s.value])).toEqual(expected);
  });
});

describe('N1', () => {
  it('holds when the text agrees with 表三', () => {
    const checks = checkN1(report('2024年共收到政府信息公开申请3件，予以公开2件，其他处理1件。'));
    expect(checks).toEqual([expect.objectContaining({ id: 'N1', ok: true })]);
  });

  it('names the sentence and the cells of a contradiction', () => {
    const checks = checkN1(report('全年主动公开信息37条。2024年共收到政府信息公开申请4件。'));
    expect(checks).toEqual([
      {
        id: 'N1',
        ok: false,
        level: 'error',
        message:
          'N1 不成立：正文“2024年共收到政府信息公开申请4件。”称4件，而表三“一、本年新收政府信息公开申请数量”总计为3',
        cells: [{ section: '3', row: 'received', column: 'total' }],
        sentence: '2024年共收到政府信息公开申请4件。',
      },
    ]);
  });
});

describe('N2', () => {
  it('holds for agreeing fee sentences, fails for contradicting ones or the recorded fees', () => {
    const agree = report('全年收取政府信息公开信息处理费 0 元。', '本年度没有产生信息公开处理费。');
    expect(checkN2(agree)[0]?.ok).toBe(true);
    const contradict = report('全年收取信息处理费200元。', '本年度没有产生信息公开处理费。');
    expect(checkN2(contradict).map((c) => c.ok)).toEqual([false]);
    expect(checkN2(agree, 300)[0]?.message).toContain('登记的收费合计为300元');
    // 行政事业性收费 (section 二) is not the information-processing fee.
    expect(checkN2(report('行政事业性收费7545万元。'))[0]?.message).toContain('未陈述');
  });
});

describe('narrative sentences', () => {
  it('keep a numbered heading line apart from the sentence under it, and join broken lines', () => {
    expect(
      narrativeSentences('（二）依申请公开情况\n2023年共收到政府信息\n公开申请5件。其余。'),
    ).toEqual(['（二）依申请公开情况', '2023年共收到政府信息公开申请5件。', '其余。']);
  });
});

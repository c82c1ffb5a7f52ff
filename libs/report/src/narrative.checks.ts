import {
  OUTCOME_CODES,
  OUTCOME_GROUPS,
  type OutcomeGroup,
  outcomeDefinition,
} from '@gongkai/domain';
import {
  type AnnualReport,
  type CellRef,
  type CheckResult,
  type Figure,
  section3Row,
  type Section3RowKey,
  SECTION3_COLUMNS,
} from './report-model';

/** A figure the narrative states about applications, with the sentence that states it. */
export interface StatedFigure {
  what: 'received' | 'carried_in' | 'handled' | 'carried_forward' | OutcomeGroup;
  value: number;
  sentence: string;
}

const TOTAL = SECTION3_COLUMNS.length - 1;
const n = (v: Figure | undefined): number => v ?? 0;

function fold(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000]+/g, '');
}

const HEADING_LINE = /^\s*(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)[^。；，,]{0,20}$/;

/** Sentences of the narrative; line breaks of a printed page are not sentence ends. */
export function narrativeSentences(text: string): string[] {
  // A short numbered line without punctuation (（二）依申请公开情况) is a heading, not the start of
  // the sentence printed under it.
  const joined = text
    .split(/\r?\n/)
    .map((line) => (HEADING_LINE.test(line) ? `${line}\ue000` : line))
    .join('');
  return fold(joined)
    .split(/(?<=[。；！？\ue000])/)
    .map((s) => s.replace(/\ue000/g, ''))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const APPLICATION = '(?:政府信息公开申请|信息公开申请|依申请公开(?:申请|事项|政府信息)?|公开申请)';
const COUNT = '(\\d+)(?:件|条|份|个|宗)';
const JOIN = '(?:数量)?(?:共计|总计|合计|共|为|达)?';

// Clauses about other things than applications under the Regulation: 主动公开 counts, 复议 and
// 诉讼 counts, the channels an application came by (其中网络申请5件), other application kinds.
const OFF_TOPIC =
  /主动公开|复议|诉讼|网络申请|信函申请|当面申请|网上申请|传真|电子邮件|来信|来访|行政许可|咨询|留言|热线/;

const PATTERNS: readonly { what: StatedFigure['what']; re: RegExp }[] = [
  {
    what: 'received',
    re: new RegExp(
      `(?:新收|收到|受理|接收|接到|共收)[^，。；]{0,14}?${APPLICATION}${JOIN}${COUNT}`,
    ),
  },
  { what: 'carried_in', re: new RegExp(`上(?:一)?年(?:度)?结转[^，。；]{0,12}?${COUNT}`) },
  {
    what: 'carried_forward',
    re: new RegExp(
      `结转(?:至|到)?下(?:一)?年(?:度)?[^，。；]{0,12}?${COUNT}|${COUNT}[^，。；]{0,6}结转(?:至|到)?下(?:一)?年`,
    ),
  },
  {
    what: 'handled',
    re: new RegExp(`(?:办理|办结|答复|处理)(?:了)?[^，。；]{0,6}?${APPLICATION}${JOIN}${COUNT}`),
  },
  ...OUTCOME_GROUPS.map((g) => ({
    what: g.group,
    re: new RegExp(`${g.label}(?:的)?(?:申请)?${COUNT}`),
  })),
];

const NONE_RECEIVED =
  /(?:未|没有)(?:收到|受理|接到)(?:任何)?[^，。；]{0,8}?(?:政府信息公开申请|信息公开申请|依申请公开)/;

/** The application figures a report's narrative states (regulation.md §1.3 figures of 三). */
export function statedApplicationFigures(report: AnnualReport): StatedFigure[] {
  const out: StatedFigure[] = [];
  const texts = [report.texts.overview, report.texts.problems, report.texts.other];
  for (const sentence of texts.flatMap(narrativeSentences)) {
    for (const clause of sentence.split(/[，,：:]/)) {
      if (OFF_TOPIC.test(clause)) continue;
      if (NONE_RECEIVED.test(clause)) {
        out.push({ what: 'received', value: 0, sentence });
        continue;
      }
      for (const { what, re } of PATTERNS) {
        const m = re.exec(clause);
        const digits = m?.slice(1).find((g) => g !== undefined);
        if (!m || digits === undefined) continue;
        out.push({ what, value: Number(digits), sentence });
        break;
      }
    }
  }
  return out;
}

function groupRows(group: OutcomeGroup): Section3RowKey[] {
  return OUTCOME_CODES.filter((c) => outcomeDefinition(c).group === group);
}

const LABELS: Readonly<Record<string, string>> = {
  received: '一、本年新收政府信息公开申请数量',
  carried_in: '二、上年结转政府信息公开申请数量',
  carried_forward: '四、结转下年度继续办理',
  handled: '（七）总计',
};

const totalCell = (row: Section3RowKey): CellRef => ({ section: '3', row, column: 'total' });

/** A sentence contradicting the tables or the fees: an error naming the sentence and cells. */
function contradiction(
  id: 'N1' | 'N2',
  message: string,
  sentence: string,
  cells: CellRef[] = [],
): CheckResult {
  return { id, ok: false, level: 'error', message: `${id} 不成立：${message}`, cells, sentence };
}

/** A narrative check's failures, or its single "holds" entry. */
function verdict(id: 'N1' | 'N2', failures: CheckResult[], holds: string): CheckResult[] {
  if (failures.length > 0) return failures;
  return [{ id, ok: true, level: 'error', message: `${id} 成立：${holds}`, cells: [] }];
}

/**
 * N1: the figures the narrative states about applications (received, carried in, handled,
 * carried forward, per outcome) against 表三's 总计 column. A stated figure must equal its cell;
 * "handled" (办理) is also read as received or received plus carried in, as reports use the word
 * for both. Sentences about 主动公开, 复议 or 诉讼 are not about applications and are skipped.
 */
export function checkN1(report: AnnualReport): CheckResult[] {
  const total = (key: Section3RowKey): number => n(section3Row(report, key)[TOTAL]);
  const failures: CheckResult[] = [];
  const stated = statedApplicationFigures(report);
  for (const s of stated) {
    let cells: CellRef[];
    let expected: number[];
    let label: string;
    if (s.what === 'received' || s.what === 'carried_in' || s.what === 'carried_forward') {
      cells = [totalCell(s.what)];
      expected = [total(s.what)];
      label = LABELS[s.what] ?? s.what;
    } else if (s.what === 'handled') {
      cells = [totalCell('total'), totalCell('received'), totalCell('carried_in')];
      expected = [total('total'), total('received'), total('received') + total('carried_in')];
      label = '（七）总计';
    } else {
      const rows =
        report.format === '2019' && s.what === 'other'
          ? (['other'] as Section3RowKey[])
          : groupRows(s.what);
      cells = rows.map(totalCell);
      expected = [rows.reduce((a, r) => a + total(r), 0)];
      const g = OUTCOME_GROUPS.find((x) => x.group === s.what);
      label = g ? `${g.number}${g.label}` : s.what;
    }
    if (expected.includes(s.value)) continue;
    failures.push(
      contradiction(
        'N1',
        `正文“${s.sentence}”称${s.value}件，而表三“${label}”总计为${expected[0]}`,
        s.sentence,
        cells,
      ),
    );
  }
  return verdict(
    'N1',
    failures,
    stated.length > 0 ? `正文所述申请数量（${stated.length}处）与表三一致` : '正文未陈述申请数量',
  );
}

/** Fee figures stated in the narrative, in 元; 0 for "no fee collected". */
export function statedFees(report: AnnualReport): { value: number; sentence: string }[] {
  const out: { value: number; sentence: string }[] = [];
  const texts = [report.texts.overview, report.texts.other];
  for (const sentence of texts.flatMap(narrativeSentences)) {
    if (!/处理费|收费/.test(sentence) || /行政事业性收费/.test(sentence)) continue;
    if (
      /(未|没有|无)(收取|产生|发生)|收取[^，。；]{0,12}?(为)?零|(未|无)[^，。；]{0,4}收费/.test(
        sentence,
      )
    ) {
      out.push({ value: 0, sentence });
      continue;
    }
    const m = /(?:收取|收费|处理费)[^，。；]{0,16}?(\d+(?:\.\d+)?)(万元|元)/.exec(sentence);
    if (m?.[1]) out.push({ value: Number(m[1]) * (m[2] === '万元' ? 10000 : 1), sentence });
  }
  return out;
}

/**
 * N2: the information-processing-fee sentences (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号)
 * must agree with each other and, when the caller knows them, with the fees the desk recorded.
 */
export function checkN2(report: AnnualReport, recordedFeesYuan?: number | null): CheckResult[] {
  const stated = statedFees(report);
  const failures: CheckResult[] = [];
  const first = stated[0];
  for (const s of stated.slice(1)) {
    if (first && s.value !== first.value)
      failures.push(
        contradiction(
          'N2',
          `正文“${first.sentence}”与“${s.sentence}”所述信息处理费金额不一致（${first.value}元、${s.value}元）`,
          s.sentence,
        ),
      );
  }
  if (first && recordedFeesYuan != null && first.value !== recordedFeesYuan)
    failures.push(
      contradiction(
        'N2',
        `正文“${first.sentence}”称收取信息处理费${first.value}元，而登记的收费合计为${recordedFeesYuan}元`,
        first.sentence,
      ),
    );
  return verdict(
    'N2',
    failures,
    first ? `正文所述信息处理费（${first.value}元）前后一致` : '正文未陈述信息处理费金额',
  );
}

import { z } from 'zod';
import { text } from '../cases/common.schema';

/** The five parts of 一、总体情况 (regulation.md §1.1), in order, with their printed headings. */
export const OVERVIEW_PARTS = [
  { key: 'proactive', heading: '（一）主动公开情况' },
  { key: 'onRequest', heading: '（二）依申请公开情况' },
  { key: 'management', heading: '（三）政府信息管理情况' },
  { key: 'platform', heading: '（四）政府信息公开平台建设情况' },
  { key: 'supervision', heading: '（五）监督保障情况' },
] as const;
export type OverviewPartKey = (typeof OVERVIEW_PARTS)[number]['key'];

const LONG = 20_000;
const body = (label: string) => text(LONG, label).default('');

export const overviewTextsSchema = z.strictObject({
  proactive: body('主动公开'),
  onRequest: body('依申请公开'),
  management: body('政府信息管理'),
  platform: body('政府信息公开平台建设'),
  supervision: body('监督保障'),
});

/** What a clerk writes: the preamble, the five parts of 一, 五 and 六. The numbers are never text. */
export const reportTextsSchema = z.strictObject({
  preamble: body('报告前言'),
  overview: overviewTextsSchema.default({
    proactive: '',
    onRequest: '',
    management: '',
    platform: '',
    supervision: '',
  }),
  problems: body('存在的主要问题及改进情况'),
  other: body('其他需要报告的事项'),
});
export type ReportTexts = z.infer<typeof reportTextsSchema>;

export function emptyReportTexts(): ReportTexts {
  return {
    preamble: '',
    overview: { proactive: '', onRequest: '', management: '', platform: '', supervision: '' },
    problems: '',
    other: '',
  };
}

/**
 * 一 as printed: each part under its heading; a part left empty keeps its heading, since the
 * format asks for all five (regulation.md §1.1).
 */
export function composeOverview(overview: ReportTexts['overview']): string {
  return OVERVIEW_PARTS.map((p) =>
    [p.heading, overview[p.key]].filter((s) => s !== '').join('\n'),
  ).join('\n');
}

/** The report model's three text fields (libs/report `ReportTexts`) from what the clerk wrote. */
export function reportModelTexts(texts: ReportTexts): {
  overview: string;
  problems: string;
  other: string;
} {
  return {
    overview: composeOverview(texts.overview),
    problems: texts.problems,
    other: texts.other,
  };
}

import {
  APPLICANT_CATEGORIES,
  CHANNELS,
  OUTCOME_GROUPS,
  OUTCOMES,
  PROCEEDING_KINDS,
  PROCEEDING_RESULTS,
  SERVICE_METHODS,
  STATE_LABELS,
} from '@gongkai/domain';
import type { Locale } from '@gongkai/ui';

/** Labels of the catalogue codes in the current language (official Chinese labels first). */
interface Coded {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
}

function labeller(list: readonly Coded[]) {
  const byCode = new Map(list.map((i) => [i.code, i]));
  return (code: string | null | undefined, locale: Locale): string => {
    if (!code) return '';
    const item = byCode.get(code);
    if (!item) return code;
    return locale === 'en' ? item.labelEn : item.label;
  };
}

export const channelLabel = labeller(CHANNELS);
export const categoryLabel = labeller(APPLICANT_CATEGORIES);
export const proceedingKindLabel = labeller(PROCEEDING_KINDS);
export const proceedingResultLabel = labeller(PROCEEDING_RESULTS);
export const serviceMethodLabel = labeller(SERVICE_METHODS);
export const outcomeLabel = labeller(
  OUTCOMES.map((o) => ({ code: o.code, label: o.label, labelEn: o.labelEn })),
);

/**
 * The six outcome families of section 三 (（一）予以公开 … （六）其他处理), by their label without the
 * counting rule in brackets (部分公开's 区分处理的，只计这一情形): a chart's legend, not the report row.
 */
export const outcomeGroupLabel = labeller(
  OUTCOME_GROUPS.map((g) => ({
    code: g.group,
    label: g.label.replace(/（.*）$/, ''),
    labelEn: g.labelEn,
  })),
);

export function stateLabel(state: string | null | undefined, locale: Locale): string {
  if (!state) return '';
  const label = (STATE_LABELS as Record<string, { zh: string; en: string } | undefined>)[state];
  if (!label) return state;
  return locale === 'en' ? label.en : label.zh;
}

export function options(list: readonly Coded[], locale: Locale) {
  return list.map((i) => ({ value: i.code, label: locale === 'en' ? i.labelEn : i.label }));
}

import {
  APPLICANT_CATEGORIES,
  CHANNELS,
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

export function stateLabel(state: string | null | undefined, locale: Locale): string {
  if (!state) return '';
  const label = (STATE_LABELS as Record<string, { zh: string; en: string } | undefined>)[state];
  if (!label) return state;
  return locale === 'en' ? label.en : label.zh;
}

export function options(list: readonly Coded[], locale: Locale) {
  return list.map((i) => ({ value: i.code, label: locale === 'en' ? i.labelEn : i.label }));
}

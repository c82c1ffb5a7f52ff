import type { DashboardFigures } from '@gongkai/contracts';
import { isOutcome, OUTCOME_GROUPS, outcomeDefinition, type OutcomeGroup } from '@gongkai/domain';
import type { Locale } from '@gongkai/ui';
import { outcomeGroupLabel } from '../common/catalogue-labels';

/**
 * The year's decisions by outcome family, in the report's order (（一）–（六）): six slices a
 * reader can tell apart, named in the legend; the 21 rows are on the statistics page.
 */
export function outcomeFamiliesChart(outcomes: DashboardFigures['outcomes'], locale: Locale) {
  const byGroup = new Map<OutcomeGroup, number>();
  for (const o of outcomes) {
    // A code the catalogue does not know is still a decision: count it as 其他处理.
    const group = isOutcome(o.outcome) ? outcomeDefinition(o.outcome).group : 'other';
    byGroup.set(group, (byGroup.get(group) ?? 0) + o.count);
  }
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { show: true, bottom: 0, left: 'center', itemWidth: 12, itemHeight: 12 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '60%'],
        center: ['50%', '42%'],
        label: { show: false },
        data: OUTCOME_GROUPS.filter((g) => byGroup.has(g.group)).map((g) => ({
          name: outcomeGroupLabel(g.group, locale),
          value: byGroup.get(g.group) ?? 0,
        })),
      },
    ],
  };
}

/** Pointer length, as a share of the gauge's radius; the figure sits below its tip. */
const POINTER_LENGTH = 0.55;

/**
 * 按时答复率 as a gauge. The pointer sweeps the upper three quarters of the dial (225° to -45°),
 * its tip never lower than sin(45°) × its length below the centre; the figure is drawn below
 * that, so the needle never runs through it, whatever the rate.
 */
export function onTimeGauge(rate: number) {
  const below = Math.ceil(POINTER_LENGTH * Math.SQRT1_2 * 100) + 25;
  return {
    series: [
      {
        type: 'gauge',
        center: ['50%', '50%'],
        radius: '85%',
        progress: { show: true },
        pointer: { length: `${POINTER_LENGTH * 100}%`, width: 5 },
        anchor: { show: true, size: 8 },
        title: { show: false },
        detail: { formatter: '{value}%', fontSize: 22, offsetCenter: [0, `${below}%`] },
        data: [{ value: rate }],
      },
    ],
  };
}

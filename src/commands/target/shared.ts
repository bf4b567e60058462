import type { Command } from 'commander';
import { type Translate, termLabel } from '../../cli/messages/index.js';
import type { Column } from '../../cli/render.js';
import type { Target } from '../../domain/plan/targets.js';

/** Where a target applies: the district (neither flag), one 街道 or one community. */
export type PlaceFlags = { community?: string; subdistrict?: string; year?: string };

export function placeOptions(cmd: Command, t: Translate): Command {
  return cmd.option('--year <yyyy>', t('opt.plan_year')).option('--community <name>', t('opt.target_community')).option('--subdistrict <name>', t('opt.target_subdistrict'));
}

/** A metric's label: the programme dashboard's own words for that figure. */
export function metricLabel(t: Translate, action: string, metric: string): string {
  return t(`programme.${action}.${metric}`);
}

export function placeLabel(t: Translate, target: Pick<Target, 'scope' | 'place'>): string {
  return target.place ?? t('report.district');
}

/** What a confirmation says of a target: its year, place, action, figure and value. */
export function targetParams(t: Translate, target: Target) {
  return {
    year: target.year,
    place: placeLabel(t, target),
    action: termLabel(t, 'action', target.action),
    metric: metricLabel(t, target.action, target.metric),
    value: target.value,
  };
}

export function targetColumns<T extends Target>(t: Translate): Column<T>[] {
  return [
    { key: 'no', header: t('col.no'), value: (r) => r.no },
    { key: 'action', header: t('col.programme_action'), value: (r) => r.action, shown: (r) => termLabel(t, 'action', r.action) },
    { key: 'metric', header: t('col.metric'), value: (r) => r.metric, shown: (r) => metricLabel(t, r.action, r.metric) },
    { key: 'year', header: t('col.plan_year'), value: (r) => r.year },
    { key: 'scope', header: t('col.target_scope'), value: (r) => r.scope, shown: (r) => t(`target.scope.${r.scope}`) },
    { key: 'place', header: t('col.place'), value: (r) => r.place, shown: (r) => placeLabel(t, r) },
    { key: 'value', header: t('col.target'), value: (r) => r.value },
  ];
}

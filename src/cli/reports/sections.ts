import { type Translate, termLabel } from '../messages/index.js';
import { OTHER_AREAS, type WeeklyReport } from '../../domain/reports/weekly.js';

/** A report as sections of figures (current, previous, change) and lists: what every format renders. */
export type FigureRow = { key: string; label: string; current: number; previous: number; change: number };
export type ListBlock = { title: string; headers: string[]; rows: (string | number | null)[][] };
export type Section = { key: string; title: string; figures: FigureRow[]; lists: ListBlock[] };

const FIGURES: Record<'workers' | 'stations' | 'points' | 'wishes', string[]> & Partial<Record<(typeof OTHER_AREAS)[number], string[]>> = {
  workers: ['active', 'new', 'deactivated'],
  stations: ['open', 'fully_equipped', 'with_gaps', 'medicine_expired', 'medicine_expiring', 'average_score'],
  points: ['awarded', 'redeemed', 'reversed', 'net', 'earners'],
  wishes: ['collected', 'claimed', 'fulfilled', 'followed_up', 'overdue', 'pledged_yuan', 'spent_yuan'],
};

function figureRows(t: Translate, r: WeeklyReport, area: keyof WeeklyReport['change']): FigureRow[] {
  // Read by key: the rows an area shows are named in FIGURES or are all its figures.
  const now: Readonly<Record<string, unknown>> = r[area];
  const before: Readonly<Record<string, unknown>> = r.previous[area];
  const change: Readonly<Record<string, number | undefined>> = r.change[area];
  const figure = (from: Readonly<Record<string, unknown>>, key: string) => (typeof from[key] === 'number' ? from[key] : 0);
  return (FIGURES[area] ?? Object.keys(now)).map((key) => ({
    key,
    label: area in FIGURES ? t(`report.${area}.${key}`) : `${t(`report.area.${area}`)} · ${t(`report.other.${key}`)}`,
    current: figure(now, key),
    previous: figure(before, key),
    change: change[key] ?? 0,
  }));
}

export function weeklySections(t: Translate, r: WeeklyReport): Section[] {
  const occupations = Object.keys(r.workers.by_occupation).map((o) => ({
    key: `new_${o}`,
    label: `  ${t('report.workers.new')} · ${termLabel(t, 'occupation', o)}`,
    current: r.workers.by_occupation[o] ?? 0,
    previous: r.previous.workers.by_occupation[o] ?? 0,
    change: (r.workers.by_occupation[o] ?? 0) - (r.previous.workers.by_occupation[o] ?? 0),
  }));
  return [
    { key: 'workers', title: t('report.section.workers'), figures: [...figureRows(t, r, 'workers'), ...occupations.filter((o) => o.current || o.previous)], lists: [] },
    {
      key: 'stations',
      title: t('report.section.stations'),
      figures: figureRows(t, r, 'stations'),
      lists: [
        {
          title: t('report.list.station_gaps'),
          headers: [t('col.code'), t('col.name'), t('col.community'), t('col.missing'), t('col.medicine')],
          rows: r.details.station_gaps.map((g) => [g.code, g.name, g.community, g.missing.map((a) => termLabel(t, 'amenity', a)).join('、'), t(`medicine.${g.medicine}`)]),
        },
      ],
    },
    {
      key: 'points',
      title: t('report.section.points'),
      figures: figureRows(t, r, 'points'),
      lists: [
        {
          title: t('report.list.top_volunteers'),
          headers: ['#', t('col.name'), t('col.phone'), t('col.community'), t('col.points')],
          rows: r.details.top_volunteers.map((v) => [v.rank, v.name, v.phone, v.community, v.points]),
        },
        { title: t('report.list.low_stock'), headers: [t('col.code'), t('col.name'), t('col.stock')], rows: r.details.low_stock_gifts.map((g) => [g.code, g.name, g.stock]) },
      ],
    },
    {
      key: 'wishes',
      title: t('report.section.wishes'),
      figures: figureRows(t, r, 'wishes'),
      lists: [
        {
          title: t('report.list.by_sponsor'),
          headers: [t('col.sponsor'), t('col.claimed'), t('col.fulfilled'), t('col.pledged'), t('col.spent')],
          rows: r.details.wishes_by_sponsor.map((s) => [s.sponsor, s.claimed, s.fulfilled, s.pledged_yuan, s.spent_yuan]),
        },
      ],
    },
    { key: 'other', title: t('report.section.other'), figures: OTHER_AREAS.flatMap((area) => figureRows(t, r, area).map((f) => ({ ...f, key: `${area}.${f.key}` }))), lists: [] },
  ];
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

import type { CommandEnv } from '../../cli/command.js';
import { termLabel, type Translate } from '../../cli/messages/index.js';
import { reportHtml } from '../../cli/reports/html.js';
import { emitReport, reportFormat } from '../../cli/reports/output.js';
import { toCsv } from '../../cli/render.js';
import { reportMarkdown, reportTable, reportWorkbook, type ReportText } from '../../cli/reports/render.js';
import type { Section } from '../../cli/reports/sections.js';
import { localTime } from '../../domain/clock.js';
import { cityReport, type CityFigure } from '../../domain/reports/city.js';
import { UsageError } from '../../errors.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A figure as the city table shows it: its row label beside its value. */
export type LabelledFigure = CityFigure & { label: string };

/** `--city`: with neither `--district` nor a community or 街道 (the city's report is of whole districts). */
export function refuseCityWithPlace(env: CommandEnv, opts: { community?: string; subdistrict?: string }): void {
  if (env.district !== undefined) throw new UsageError({ key: 'report.city_and_district' });
  if (opts.community || opts.subdistrict) throw new UsageError({ key: 'report.city_with_place' });
}

/** The figures of a report's sections (their current values), each labelled by section and figure. */
export function sectionFigures(sections: Section[], nonAdditive: readonly string[] = []): LabelledFigure[] {
  return sections.flatMap((s) =>
    s.figures.map((f) => ({ key: `${s.key}.${f.key}`, label: `${s.title} · ${f.label.trim()}`, value: f.current, additive: !nonAdditive.includes(f.key) })),
  );
}

/**
 * Builds and emits a city report: one row per figure, one column per district, the city total last.
 * JSON: `{ city: true, report, …about, districts: [{ district, figures }], totals }`.
 */
export async function emitCityReport<R>(
  env: CommandEnv,
  opts: { format?: string; json?: boolean; out?: string },
  input: {
    report: string;
    title: string;
    about: (ctxToday: string) => Record<string, unknown>;
    build: (db: Kysely<DB>, today: string) => Promise<R>;
    figures: (r: R) => LabelledFigure[];
  },
): Promise<void> {
  const { t } = env;
  let about: Record<string, unknown> = {};
  const city = await env.withDb(
    async (ctx) => {
      const today = ctx.clock.today();
      about = input.about(today);
      return cityReport(ctx.db, (db) => input.build(db, today), input.figures);
    },
    { snapshot: true, anyDistrict: true },
  );
  const format = reportFormat(opts);
  if (format === 'json') {
    const districts = city.districts.map((d) => ({ district: d.district, figures: Object.fromEntries(d.figures.map((f) => [f.key, f.value])) }));
    const document = { city: true, report: input.report, ...about, districts, totals: city.totals, workers_in_several_districts: city.workersInSeveralDistricts };
    await emitReport(env, opts.out, `${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  const generated = localTime(env.clock.now().toISOString(), env.clock.timeZone);
  const linked = t('report.city.linked', { count: city.workersInSeveralDistricts });
  const text: ReportText = { generated, title: input.title, subtitle: `${cityLine(t, about)}\n${linked}`, sections: [citySection(t, city)] };
  let content: string | Buffer;
  if (format === 'md') content = reportMarkdown(t, text);
  // One sheet as Excel reads it: a figure per row, a district per column, the city total last.
  else if (format === 'csv')
    content = await toCsv(
      text.sections[0]!.lists[0]!.headers,
      text.sections[0]!.lists[0]!.rows.map((r) => r.map((c) => String(c ?? ''))),
    );
  else if (format === 'xlsx') content = await reportWorkbook(t, text);
  else if (format === 'html') content = reportHtml(t, text, [], generated);
  else content = await reportTable(t, text);
  if (format === 'table' && city.districts.every((d) => d.figures.length === 0)) content += `${t('report.city.empty')}\n`;
  await emitReport(env, opts.out, content);
}

function cityLine(t: Translate, about: Record<string, unknown>): string {
  const period = about.period as { from: string; to: string } | undefined;
  return period ? t('report.city.period', { from: period.from, to: period.to }) : t('report.city.year', { year: String(about.year ?? '') });
}

/** Rows: every figure any district has, in the order first met; a district without it counts 0. */
function citySection(t: Translate, city: { districts: { district: string; figures: LabelledFigure[] }[]; totals: Record<string, number | null> }): Section {
  const labels = new Map<string, string>();
  for (const d of city.districts) for (const f of d.figures) if (!labels.has(f.key)) labels.set(f.key, f.label);
  const rows = [...labels].map(([key, label]) => [label, ...city.districts.map((d) => d.figures.find((f) => f.key === key)?.value ?? 0), city.totals[key] ?? '—']);
  return {
    key: 'city',
    title: t('report.city.section'),
    figures: [],
    lists: [{ title: t('report.city.list'), headers: [t('col.figure'), ...city.districts.map((d) => d.district), t('col.city_total')], rows }],
  };
}

/** The action's name and the figure's, for the programme's and the annual report's rows. */
export function actionFigureLabel(t: Translate, action: string, figure: string): string {
  return `${termLabel(t, 'action', action)} · ${t(`programme.${action}.${figure}`)}`;
}

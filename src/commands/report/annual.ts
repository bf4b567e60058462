import type { Command } from 'commander';
import { actionFigureLabel, emitCityReport, refuseCityWithPlace } from './city.js';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel, type Translate } from '../../cli/messages/index.js';
import { reportHtml } from '../../cli/reports/html.js';
import { emitReport, reportFormat, reportOptions } from '../../cli/reports/output.js';
import type { ReportText } from '../../cli/reports/render.js';
import type { ListBlock, Section } from '../../cli/reports/sections.js';
import { annualReport, type AnnualAction, type AnnualReport, type MoneyMovement } from '../../domain/reports/annual.js';
import { resolveScope } from '../../domain/reports/scope.js';
import { columnLabel } from './communities.js';
import { listsOnly, reportHeading, scopeOptions } from './shared.js';
import { targetsList } from './targets.js';

export type ReportAnnualOptions = { city?: boolean; year?: string; community?: string; subdistrict?: string; format?: string; json?: boolean; out?: string };

export function registerReportAnnual(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = scopeOptions(reportOptions(describe(parent.command('annual'), t, 'report.annual'), t), t)
    .option('--year <yyyy>', t('opt.annual_year'))
    .option('--city', t('opt.report_city'));
  action(cmd, deps, runReportAnnual);
}

const pairs = (t: Translate, title: string, rows: [string, string | number | null][]): ListBlock => ({ title, headers: [t('report.item'), t('report.value')], rows });

/** Carried in, in, out, reversals, carried out: the rows of a year's money. */
function moneyRows(t: Translate, m: MoneyMovement): [string, string][] {
  return [
    [t('report.annual.opening'), m.opening_yuan.toFixed(2)],
    [t('report.other.in_yuan'), m.in_yuan.toFixed(2)],
    [t('report.other.out_yuan'), m.out_yuan.toFixed(2)],
    [t('report.other.reversed_yuan'), m.reversed_yuan.toFixed(2)],
    [t('report.annual.closing'), m.closing_yuan.toFixed(2)],
  ];
}

function actionSection(t: Translate, a: AnnualAction): Section {
  const none = t('action.no_lead');
  const lists: ListBlock[] = [
    pairs(t, t('report.annual.owners'), [
      [t('col.lead_unit'), a.lead ?? none],
      [t('col.responsible_units'), a.responsible.join(t('list.separator')) || t('list.none')],
    ]),
    pairs(
      t,
      t('report.annual.results'),
      a.figures.map((f) => [t(`programme.${a.key}.${f.key}`), f.value]),
    ),
  ];
  if (a.targets.length) lists.push(targetsList(t, a.targets, t('report.targets.list')));
  lists.push(
    pairs(t, t('report.annual.outreach_money'), [
      [t('report.other.visits'), a.visits.visits],
      [t('report.other.workers_met'), a.visits.workers_met],
      [t('report.other.items'), a.publicity.items],
      [t('report.other.reach'), a.publicity.reach],
      ...moneyRows(t, a.funds),
    ]),
  );
  return { key: a.key, title: `${a.no}. ${termLabel(t, 'action', a.key)}`, figures: [], lists };
}

function sections(t: Translate, r: AnnualReport): Section[] {
  const o = r.outreach;
  const m = r.money;
  const columns = r.subdistricts[0] ? Object.keys(r.subdistricts[0].figures) : [];
  return [
    ...r.actions.map((a) => actionSection(t, a)),
    {
      key: 'outreach',
      title: t('report.annual.outreach'),
      figures: [],
      lists: [
        pairs(t, t('report.annual.outreach'), [
          [t('report.other.visits'), o.visits],
          [t('report.other.workers_met'), o.workers_met],
          [t('report.annual.opinions_heard'), o.opinions.heard],
          [t('report.annual.opinions_answered'), o.opinions.answered],
          [t('report.annual.opinions_resolved'), o.opinions.resolved],
          [t('report.annual.opinions_open'), o.opinions.open],
        ]),
      ],
    },
    {
      key: 'publicity',
      title: t('report.area.publicity'),
      figures: [],
      lists: [
        pairs(t, t('report.area.publicity'), [
          [t('report.other.items'), r.publicity.items],
          [t('report.other.reach'), r.publicity.reach],
          ...Object.entries(r.publicity.by_channel).map(([c, n]) => [termLabel(t, 'publicity_channel', c), n] as [string, number]),
        ]),
      ],
    },
    {
      key: 'money',
      title: t('report.area.funds'),
      figures: [],
      lists: [
        pairs(t, t('report.area.funds'), [
          ...moneyRows(t, m.funds),
          [t('report.annual.wish_pledged'), m.wish_pledged_yuan.toFixed(2)],
          [t('report.annual.wish_spent'), m.wish_spent_yuan.toFixed(2)],
          [t('report.annual.care_support'), m.care_support_yuan.toFixed(2)],
        ]),
      ],
    },
    {
      key: 'subdistricts',
      title: t('report.annual.by_subdistrict'),
      figures: [],
      lists: [
        {
          title: t('report.annual.by_subdistrict'),
          headers: [t('col.subdistrict'), ...columns.map((c) => columnLabel(t, c))],
          rows: r.subdistricts.map((row) => [
            row.level === 'district'
              ? t('report.communities.district_total')
              : row.level === 'community'
                ? (row.community ?? '')
                : `${row.subdistrict ?? t('report.communities.no_subdistrict')}${r.subdistrict ? ` ${t('report.communities.subtotal')}` : ''}`,
            ...columns.map((c) => row.figures[c] ?? 0),
          ]),
        },
      ],
    },
  ];
}

export async function runReportAnnual(env: CommandEnv, opts: ReportAnnualOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  if (opts.city) return runCityAnnual(env, opts);
  const report = await env.withDb(
    async (ctx) =>
      annualReport(ctx.db, { year: opts.year ?? ctx.clock.today().slice(0, 4), today: ctx.clock.today(), scope: await resolveScope(ctx.db, opts, ctx.clock.timeZone) }),
    { snapshot: true },
  );
  const format = reportFormat(opts);
  if (format === 'json') {
    await emitReport(env, opts.out, `${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const heading = await reportHeading(env);
  const text: ReportText = {
    generated: heading.generated,
    title: t('report.annual_title', { scope: heading.scope(report.community, report.subdistrict), year: report.year }),
    subtitle: t('report.annual_subtitle', {
      from: report.period.from,
      to: report.period.to,
      elapsed: report.elapsed_percent,
      active: report.workers.active,
      new: report.workers.new,
    }),
    sections: sections(t, report),
  };
  await emitReport(env, opts.out, format === 'html' ? reportHtml(t, text, [], heading.generated) : await listsOnly(env, format, text));
}

/** `--city`: each district's year side by side (results of the Ten Ones, outreach, publicity, money), and the city's totals. */
async function runCityAnnual(env: CommandEnv, opts: ReportAnnualOptions): Promise<void> {
  refuseCityWithPlace(env, opts);
  const { t } = env;
  const today = env.clock.today();
  const year = opts.year ?? today.slice(0, 4);
  const figure = (key: string, label: string, value: number) => ({ key, label, value, additive: true });
  await emitCityReport(env, opts, {
    report: 'annual',
    title: t('report.city.annual_title', { year }),
    about: () => ({ year: Number(year) }),
    build: async (db) => annualReport(db, { year, today, scope: await resolveScope(db, {}, env.clock.timeZone) }),
    figures: (r) => [
      figure('workers.active', `${t('report.section.workers')} · ${t('report.workers.active')}`, r.workers.active),
      figure('workers.new', `${t('report.section.workers')} · ${t('report.workers.new')}`, r.workers.new),
      ...r.actions.flatMap((a) => a.figures.map((f) => figure(`${a.key}.${f.key}`, actionFigureLabel(t, a.key, f.key), f.value))),
      figure('outreach.visits', t('report.other.visits'), r.outreach.visits),
      figure('outreach.workers_met', t('report.other.workers_met'), r.outreach.workers_met),
      figure('publicity.items', `${t('report.area.publicity')} · ${t('report.other.items')}`, r.publicity.items),
      figure('publicity.reach', `${t('report.area.publicity')} · ${t('report.other.reach')}`, r.publicity.reach),
      figure('money.in_yuan', `${t('report.area.funds')} · ${t('report.other.in_yuan')}`, r.money.funds.in_yuan),
      figure('money.out_yuan', `${t('report.area.funds')} · ${t('report.other.out_yuan')}`, r.money.funds.out_yuan),
      figure('money.closing_yuan', `${t('report.area.funds')} · ${t('report.annual.closing')}`, r.money.funds.closing_yuan),
      figure('money.wish_pledged_yuan', t('report.annual.wish_pledged'), r.money.wish_pledged_yuan),
      figure('money.wish_spent_yuan', t('report.annual.wish_spent'), r.money.wish_spent_yuan),
    ],
  });
}

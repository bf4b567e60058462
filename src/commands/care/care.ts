import { termLabel } from '../../cli/messages/index.js';
import { type Command } from 'commander';
import { action, describe, formatOf, withFormat, type Deps, termOption } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { listVisits, recordVisit, type CareVisit } from '../../domain/programme/care.js';
import { maskPhone } from '../../domain/privacy.js';
import { requireDate } from '../../domain/text/dates.js';
import { formatYuan } from '../../domain/text/money.js';

const view = (v: CareVisit) => ({ ...v, phone: maskPhone(v.phone), support: formatYuan(v.supportFen) });

export function registerCareVisit(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('visit'), t, 'care.visit')
    .requiredOption('--worker <phone>', t('opt.wish_worker'))
    .requiredOption('--date <date>', t('opt.visit_date'))
    .requiredOption('--by <name>', t('opt.visit_by'))
    .addOption(termOption('--kind <kind>', t('opt.visit_kind'), 'visit_kind').default('illness'))
    .option('--support-yuan <n>', t('opt.support'))
    .option('--note <text>', t('opt.note'))
    .option('--json', t('opt.json'));
  action<{ worker: string; date: string; by: string; kind: string; supportYuan?: string; note?: string; json?: boolean }>(cmd, deps, async (env, opts) => {
    const visit = view(await env.withDb((ctx) => recordVisit(ctx, { ...opts, support: opts.supportYuan })));
    if (opts.json) writeJson(env.io, visit);
    else env.done(`${t('care.recorded', { id: visit.id, worker: visit.worker, date: visit.date })}\n`);
  });
}

export function registerCareList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'care.list'), t).option('--from <date>', t('opt.from')).option('--to <date>', t('opt.to'));
  action<{ from?: string; to?: string; json?: boolean; format?: string }>(cmd, deps, async (env, opts) => {
    const rows = (await env.withDb((ctx) => listVisits(ctx.db, { from: opts.from && requireDate(opts.from, '--from'), to: opts.to && requireDate(opts.to, '--to') }))).map(view);
    await renderRows(env.io, formatOf(opts), [
      { key: 'id', header: t('col.id'), value: (v) => v.id },
      { key: 'date', header: t('col.date'), value: (v) => v.date },
      { key: 'worker', header: t('col.worker'), value: (v) => v.worker },
      { key: 'phone', header: t('col.phone'), value: (v) => v.phone },
      { key: 'kind', header: t('col.kind'), value: (v) => v.kind, shown: (v) => termLabel(t, 'visit_kind', v.kind) },
      { key: 'by', header: t('col.by'), value: (v) => v.by },
      { key: 'support', header: t('col.support'), value: (v) => v.support },
      { key: 'note', header: t('col.note'), value: (v) => v.note },
    ], rows);
  });
}

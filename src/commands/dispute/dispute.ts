import { termLabel } from '../../cli/messages/index.js';
import { type Command } from 'commander';
import { action, describe, formatOf, idArgument, intOption, withFormat, type CommandEnv, type Deps, termOption } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { listDisputes, openDispute, updateDispute, type DisputeCase } from '../../domain/programme/cases.js';
import { maskPhone } from '../../domain/privacy.js';
import { formatYuan } from '../../domain/text/money.js';

const view = (d: DisputeCase) => ({ ...d, phone: maskPhone(d.phone), amount: formatYuan(d.amountFen), recovered: formatYuan(d.recoveredFen) });

function print(env: CommandEnv, json: boolean | undefined, d: DisputeCase): void {
  if (json) writeJson(env.io, view(d));
  else env.done(`${env.t('dispute.line', { id: d.id, worker: d.worker, status: termLabel(env.t, 'dispute_status', d.status) })}\n`);
}

export function registerDisputeOpen(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('open'), t, 'dispute.open')
    .requiredOption('--worker <phone>', t('opt.wish_worker'))
    .addOption(termOption('--type <type>', t('opt.dispute_type'), 'dispute_type').makeOptionMandatory())
    .addOption(termOption('--via <channel>', t('opt.dispute_via'), 'dispute_channel').makeOptionMandatory())
    .option('--employer <text>', t('opt.employer'))
    .option('--amount <yuan>', t('opt.amount'))
    .option('--summary <text>', t('opt.summary'))
    .option('--json', t('opt.json'));
  action<{ worker: string; type: string; via: string; employer?: string; amount?: string; summary?: string; json?: boolean }>(cmd, deps, async (env, opts) => print(env, opts.json, await env.withDb((ctx) => openDispute(ctx, opts))));
}

export function registerDisputeUpdate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('update'), t, 'dispute.update')
    .argument('<id>', t('arg.case'), idArgument('ID'))
    .addOption(termOption('--status <status>', t('opt.dispute_status'), 'dispute_status', ['mediating', 'referred', 'resolved', 'closed']).makeOptionMandatory())
    .option('--outcome <text>', t('opt.outcome'))
    .option('--recovered <yuan>', t('opt.recovered'))
    .option('--json', t('opt.json'));
  action<{ status: string; outcome?: string; recovered?: string; json?: boolean }>(cmd, deps, async (env, opts, [id]) => print(env, opts.json, await env.withDb((ctx) => updateDispute(ctx, Number(id), opts))));
}

export function registerDisputeList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'dispute.list'), t)
    .addOption(termOption('--status <status>', t('opt.dispute_status'), 'dispute_status'))
    .option('--open-longer-than <days>', t('opt.open_longer'), intOption('--open-longer-than'));
  action<{ status?: string; openLongerThan?: number; json?: boolean; format?: string }>(cmd, deps, async (env, opts) => {
    const rows = (await env.withDb((ctx) => listDisputes(ctx.db, { status: opts.status, openLongerThan: opts.openLongerThan }, ctx.clock.today()))).map(view);
    if (formatOf(opts) === 'json') {
      writeJson(env.io, rows);
      return;
    }
    await renderRows(env.io, formatOf(opts), [
      { key: 'id', header: t('col.id'), value: (d) => d.id },
      { key: 'worker', header: t('col.worker'), value: (d) => d.worker },
      { key: 'phone', header: t('col.phone'), value: (d) => d.phone },
      { key: 'type', header: t('col.type'), value: (d) => d.type, shown: (d) => termLabel(t, 'dispute_type', d.type) },
      { key: 'via', header: t('col.via'), value: (d) => d.via, shown: (d) => termLabel(t, 'dispute_channel', d.via) },
      { key: 'employer', header: t('col.employer'), value: (d) => d.employer },
      { key: 'amount', header: t('col.amount'), value: (d) => d.amount },
      { key: 'status', header: t('col.status'), value: (d) => d.status, shown: (d) => termLabel(t, 'dispute_status', d.status) },
      { key: 'openedOn', header: t('col.case_opened'), value: (d) => d.openedOn },
      { key: 'days', header: t('col.days'), value: (d) => d.daysToResolve ?? d.daysOpen },
      { key: 'recovered', header: t('col.recovered'), value: (d) => d.recovered },
    ], rows);
  });
}

import type { Command } from 'commander';
import { action, describe, formatOf, intOption, termOption, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { listDisputes } from '../../domain/programme/cases.js';
import { disputeView } from './shared.js';

export type DisputeListOptions = { status?: string; openLongerThan?: number; json?: boolean; format?: string };

export function registerDisputeList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'dispute.list'), t)
    .addOption(termOption('--status <status>', t('opt.dispute_status'), 'dispute_status'))
    .option('--open-longer-than <days>', t('opt.open_longer'), intOption('--open-longer-than'));
  action(cmd, deps, runDisputeList);
}

export async function runDisputeList(env: CommandEnv, opts: DisputeListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = (await env.withDb((ctx) => listDisputes(ctx.db, { status: opts.status, openLongerThan: opts.openLongerThan }, ctx.clock.today()))).map(disputeView);
  if (formatOf(opts) === 'json') {
    writeJson(env.io, rows);
    return;
  }
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'id', header: t('col.id'), value: (d) => d.id },
      { key: 'worker', header: t('col.worker'), value: (d) => d.worker },
      { key: 'phone', header: t('col.phone'), value: (d) => d.phone },
      { key: 'onRoster', header: t('col.on_roster'), value: (d) => d.onRoster, shown: (d) => (d.onRoster ? t('list.yes') : t('list.no')) },
      { key: 'community', header: t('col.community'), value: (d) => d.community },
      { key: 'type', header: t('col.type'), value: (d) => d.type, shown: (d) => termLabel(t, 'dispute_type', d.type) },
      { key: 'via', header: t('col.via'), value: (d) => d.via, shown: (d) => termLabel(t, 'dispute_channel', d.via) },
      { key: 'employer', header: t('col.employer'), value: (d) => d.employer },
      { key: 'amount', header: t('col.amount'), value: (d) => d.amount },
      { key: 'status', header: t('col.status'), value: (d) => d.status, shown: (d) => termLabel(t, 'dispute_status', d.status) },
      { key: 'openedOn', header: t('col.case_opened'), value: (d) => d.openedOn },
      { key: 'days', header: t('col.days'), value: (d) => d.daysToResolve ?? d.daysOpen },
      { key: 'recovered', header: t('col.recovered'), value: (d) => d.recovered },
    ],
    rows,
  );
}

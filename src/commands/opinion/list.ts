import type { Command } from 'commander';
import { action, describe, formatOf, termOption, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { listOpinions } from '../../domain/outreach/opinions.js';
import { opinionView } from './shared.js';

export type OpinionListOptions = { open?: boolean; topic?: string; json?: boolean; format?: string };

export function registerOpinionList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'opinion.list'), t)
    .option('--open', t('opt.opinion_open'))
    .addOption(termOption('--topic <topic>', t('opt.opinion_topic'), 'opinion_topic'));
  action(cmd, deps, runOpinionList);
}

export async function runOpinionList(env: CommandEnv, opts: OpinionListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = (await env.withDb((ctx) => listOpinions(ctx.db, { open: opts.open, topic: opts.topic }))).map(opinionView);
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'id', header: t('col.id'), value: (o) => o.id },
      { key: 'heardOn', header: t('col.date'), value: (o) => o.heardOn },
      { key: 'topic', header: t('col.topic'), value: (o) => o.topic, shown: (o) => termLabel(t, 'opinion_topic', o.topic) },
      { key: 'text', header: t('col.opinion'), value: (o) => o.text },
      // The same keys as `opinion add --json`: the worker (phone masked) or the place it was heard.
      { key: 'worker', header: t('col.worker'), value: (o) => o.worker },
      { key: 'phone', header: t('col.phone'), value: (o) => o.phone },
      { key: 'source', header: t('col.opinion_from'), value: (o) => o.source },
      { key: 'visit', header: t('col.visit_id'), value: (o) => o.visit },
      { key: 'community', header: t('col.community'), value: (o) => o.community },
      { key: 'status', header: t('col.status'), value: (o) => o.status, shown: (o) => termLabel(t, 'opinion_status', o.status) },
      { key: 'referredTo', header: t('col.referred_to'), value: (o) => o.referredTo },
      { key: 'statusOn', header: t('col.status_on'), value: (o) => o.statusOn },
      { key: 'answeredOn', header: t('col.answered_on'), value: (o) => o.answeredOn },
      { key: 'resolvedOn', header: t('col.resolved_on'), value: (o) => o.resolvedOn },
      { key: 'note', header: t('col.note'), value: (o) => o.note },
    ],
    rows,
  );
}

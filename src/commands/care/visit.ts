import type { Command } from 'commander';
import { action, describe, termOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { recordVisit } from '../../domain/programme/care.js';
import { visitView } from './shared.js';

export type CareVisitOptions = { worker: string; date: string; by: string; kind: string; supportYuan?: string; note?: string; json?: boolean };

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
  action(cmd, deps, runCareVisit);
}

export async function runCareVisit(env: CommandEnv, opts: CareVisitOptions, _args: string[]): Promise<number | void> {
  const visit = visitView(await env.withDb((ctx) => recordVisit(ctx, { ...opts, support: opts.supportYuan })));
  if (opts.json) writeJson(env.io, visit);
  else env.done(`${env.t('care.recorded', { id: visit.id, worker: visit.worker, date: visit.date })}\n`);
}

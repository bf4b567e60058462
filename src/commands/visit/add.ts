import type { Command } from 'commander';
import { action, describe, intOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { addVisit } from '../../domain/outreach/visits.js';

export type VisitAddOptions = { to: string; date?: string; by: string; workersMet?: number; action?: string; community?: string; note?: string; json?: boolean };

export function registerVisitAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'visit.add')
    .requiredOption('--to <unit-or-place>', t('opt.visit_to'))
    .requiredOption('--by <name>', t('opt.visit_by'))
    .option('--date <date>', t('opt.visit_date'))
    .option('--workers-met <n>', t('opt.workers_met'), intOption('--workers-met'))
    .option('--action <action>', t('opt.visit_action'))
    .option('--community <name>', t('opt.visit_community'))
    .option('--note <text>', t('opt.note'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runVisitAdd);
}

export async function runVisitAdd(env: CommandEnv, opts: VisitAddOptions, _args: string[]): Promise<number | void> {
  const visit = await env.withDb((ctx) => addVisit(ctx, opts));
  if (opts.json) writeJson(env.io, visit);
  else env.done(`${env.t('visit.added', { id: visit.id, to: visit.unit ?? visit.place ?? '', date: visit.date })}\n`);
}

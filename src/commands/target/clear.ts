import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { clearTarget } from '../../domain/plan/targets.js';
import { placeOptions, targetParams, type PlaceFlags } from './shared.js';

export type TargetClearOptions = PlaceFlags & { json?: boolean };

export function registerTargetClear(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = placeOptions(describe(parent.command('clear'), t, 'target.clear'), t)
    .argument('<action>', t('arg.action'))
    .argument('<metric>', t('arg.metric'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runTargetClear);
}

export async function runTargetClear(env: CommandEnv, opts: TargetClearOptions, [act, metric]: string[]): Promise<number | void> {
  const target = await env.withDb((ctx) => clearTarget(ctx, { action: act!, metric: metric!, year: opts.year, community: opts.community, subdistrict: opts.subdistrict }));
  if (opts.json) writeJson(env.io, { ...target, cleared: true });
  else env.done(`${env.t('target.cleared', targetParams(env.t, target))}\n`);
}

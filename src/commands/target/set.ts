import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { setTarget } from '../../domain/plan/targets.js';
import { placeOptions, targetParams, type PlaceFlags } from './shared.js';

export type TargetSetOptions = PlaceFlags & { json?: boolean };

export function registerTargetSet(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = placeOptions(describe(parent.command('set'), t, 'target.set'), t)
    .argument('<action>', t('arg.action'))
    .argument('<metric>', t('arg.metric'))
    .argument('<value>', t('arg.target_value'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runTargetSet);
}

export async function runTargetSet(env: CommandEnv, opts: TargetSetOptions, [act, metric, value]: string[]): Promise<number | void> {
  const target = await env.withDb((ctx) =>
    setTarget(ctx, { action: act!, metric: metric!, value: value!, year: opts.year, community: opts.community, subdistrict: opts.subdistrict }),
  );
  if (opts.json) writeJson(env.io, target);
  else env.done(`${env.t('target.set_done', targetParams(env.t, target))}\n`);
}

import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../../cli/command.js';
import { retireRule } from '../../../domain/points/catalogue.js';
import { printRule } from './shared.js';

export type PointsRuleRetireOptions = { json?: boolean };

export function registerPointsRuleRetire(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('retire'), t, 'points.rule.retire').argument('<code>', t('arg.rule')).option('--json', t('opt.json'));
  action(cmd, deps, runPointsRuleRetire);
}

export async function runPointsRuleRetire(env: CommandEnv, opts: PointsRuleRetireOptions, [code]: string[]): Promise<number | void> {
  printRule(env, opts.json, await env.withDb((ctx) => retireRule(ctx, code!)), 'points.rule_retired_done');
}

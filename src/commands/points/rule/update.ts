import type { Command } from 'commander';
import { action, describe, intOption, type CommandEnv, type Deps } from '../../../cli/command.js';
import { updateRule } from '../../../domain/points/catalogue.js';
import { UsageError } from '../../../errors.js';
import { printRule } from './shared.js';

export type PointsRuleUpdateOptions = { name?: string; points?: number; dailyCap?: number; description?: string; json?: boolean };

export function registerPointsRuleUpdate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('update'), t, 'points.rule.update')
    .argument('<code>', t('arg.rule'))
    .option('--name <name>', t('opt.rule_name'))
    .option('--points <n>', t('opt.rule_points'), intOption('--points'))
    .option('--daily-cap <k>', t('opt.daily_cap'), intOption('--daily-cap'))
    .option('--description <text>', t('opt.description'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runPointsRuleUpdate);
}

export async function runPointsRuleUpdate(env: CommandEnv, opts: PointsRuleUpdateOptions, [code]: string[]): Promise<number | void> {
  const { json, ...fields } = opts;
  if (Object.values(fields).every((v) => v === undefined)) throw new UsageError({ key: 'usage.nothing_to_change' });
  printRule(env, json, await env.withDb((ctx) => updateRule(ctx, code!, fields)), 'points.rule_updated');
}

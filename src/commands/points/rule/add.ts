import type { Command } from 'commander';
import { action, describe, intOption, type CommandEnv, type Deps } from '../../../cli/command.js';
import { addRule } from '../../../domain/points/catalogue.js';
import { printRule } from './shared.js';

export type PointsRuleAddOptions = { name: string; points: number; dailyCap?: number; description?: string; json?: boolean };

export function registerPointsRuleAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'points.rule.add')
    .argument('<code>', t('arg.rule'))
    .requiredOption('--name <name>', t('opt.rule_name'))
    .requiredOption('--points <n>', t('opt.rule_points'), intOption('--points'))
    .option('--daily-cap <k>', t('opt.daily_cap'), intOption('--daily-cap'))
    .option('--description <text>', t('opt.description'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runPointsRuleAdd);
}

export async function runPointsRuleAdd(env: CommandEnv, opts: PointsRuleAddOptions, [code]: string[]): Promise<number | void> {
  const created = await env.withDb((ctx) => addRule(ctx, { code: code!, ...opts }));
  printRule(env, opts.json, created, 'points.rule_added');
}

import { termLabel } from '../../cli/messages/index.js';
import type { Command } from 'commander';
import { action, describe, formatOf, intOption, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { addRule, listRules, retireRule, updateRule, type Rule } from '../../domain/points/catalogue.js';
import { UsageError } from '../../errors.js';

function printRule(env: CommandEnv, json: boolean | undefined, rule: Rule, key: string): void {
  if (json) writeJson(env.io, rule);
  else env.done(`${env.t(key, { code: rule.code, name: rule.name, points: rule.points })}\n`);
}

/** `nuanxin points rule add|list|update|retire`. */
export function registerPointsRule(parent: Command, deps: Deps): void {
  const { t } = deps;
  const rule = describe(parent.command('rule'), t, 'points.rule');

  const add = describe(rule.command('add'), t, 'points.rule.add')
    .argument('<code>', t('arg.rule'))
    .requiredOption('--name <name>', t('opt.rule_name'))
    .requiredOption('--points <n>', t('opt.rule_points'), intOption('--points'))
    .option('--daily-cap <k>', t('opt.daily_cap'), intOption('--daily-cap'))
    .option('--description <text>', t('opt.description'))
    .option('--json', t('opt.json'));
  action<{ name: string; points: number; dailyCap?: number; description?: string; json?: boolean }>(add, deps, async (env, opts, [code]) => {
    const created = await env.withDb((ctx) => addRule(ctx, { code: code!, ...opts }));
    printRule(env, opts.json, created, 'points.rule_added');
  });

  const list = withFormat(describe(rule.command('list'), t, 'points.rule.list'), t);
  action<{ json?: boolean; format?: string }>(list, deps, async (env, opts) => {
    const rules = await env.withDb((ctx) => listRules(ctx.db));
    await renderRows(env.io, formatOf(opts), [
      { key: 'code', header: t('col.code'), value: (r) => r.code },
      { key: 'name', header: t('col.name'), value: (r) => r.name },
      { key: 'points', header: t('col.points'), value: (r) => r.points },
      { key: 'dailyCap', header: t('col.daily_cap'), value: (r) => r.dailyCap },
      { key: 'retired', header: t('col.status'), value: (r) => r.retired, shown: (r) => termLabel(t, 'catalogue_status', r.retired ? 'retired' : 'active') },
      { key: 'description', header: t('col.detail'), value: (r) => r.description },
    ], rules);
  });

  const update = describe(rule.command('update'), t, 'points.rule.update')
    .argument('<code>', t('arg.rule'))
    .option('--name <name>', t('opt.rule_name'))
    .option('--points <n>', t('opt.rule_points'), intOption('--points'))
    .option('--daily-cap <k>', t('opt.daily_cap'), intOption('--daily-cap'))
    .option('--description <text>', t('opt.description'))
    .option('--json', t('opt.json'));
  action<{ name?: string; points?: number; dailyCap?: number; description?: string; json?: boolean }>(update, deps, async (env, opts, [code]) => {
    const { json, ...fields } = opts;
    if (Object.values(fields).every((v) => v === undefined)) throw new UsageError({ key: 'usage.nothing_to_change' });
    printRule(env, json, await env.withDb((ctx) => updateRule(ctx, code!, fields)), 'points.rule_updated');
  });

  const retire = describe(rule.command('retire'), t, 'points.rule.retire').argument('<code>', t('arg.rule')).option('--json', t('opt.json'));
  action<{ json?: boolean }>(retire, deps, async (env, opts, [code]) => {
    printRule(env, opts.json, await env.withDb((ctx) => retireRule(ctx, code!)), 'points.rule_retired_done');
  });
}

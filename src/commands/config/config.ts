import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type Deps } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { getSetting, listSettings, setSetting } from '../../domain/settings.js';

export function registerConfigList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'config.list'), t);
  action<{ json?: boolean; format?: string }>(cmd, deps, async (env, opts) => {
    const rows = await env.withDb((ctx) => listSettings(ctx.db));
    await renderRows(env.io, formatOf(opts), [
      { key: 'key', header: t('col.key'), value: (r) => r.key },
      { key: 'value', header: t('col.value'), value: (r) => r.value },
      { key: 'default', header: t('col.default'), value: (r) => r.default },
      { key: 'hint', header: t('col.detail'), value: (r) => t(r.hintKey) },
    ], rows);
  });
}

export function registerConfigGet(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('get'), t, 'config.get').argument('<key>', t('arg.setting')).option('--json', t('opt.json'));
  action<{ json?: boolean }>(cmd, deps, async (env, opts, [key]) => {
    const value = await env.withDb((ctx) => getSetting(ctx.db, key!));
    if (opts.json) writeJson(env.io, { key, value });
    else env.io.stdout.write(`${value}\n`);
  });
}

export function registerConfigSet(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('set'), t, 'config.set').argument('<key>', t('arg.setting')).argument('<value>', t('arg.value')).option('--json', t('opt.json'));
  action<{ json?: boolean }>(cmd, deps, async (env, opts, [key, value]) => {
    const result = await env.withDb((ctx) => setSetting(ctx, key!, value!));
    if (opts.json) writeJson(env.io, result);
    else env.done(`${result.key} = ${result.value}\n`);
  });
}

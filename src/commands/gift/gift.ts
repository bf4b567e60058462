import { termLabel } from '../../cli/messages/index.js';
import type { Command } from 'commander';
import { action, describe, formatOf, intOption, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { addGift, listGifts, restockGift, retireGift, type Gift } from '../../domain/points/catalogue.js';

function printGift(env: CommandEnv, json: boolean | undefined, gift: Gift, key: string): void {
  if (json) writeJson(env.io, gift);
  else env.done(`${env.t(key, { code: gift.code, name: gift.name, stock: gift.stock, cost: gift.cost })}\n`);
}

export function registerGiftAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'gift.add')
    .argument('<code>', t('arg.gift'))
    .requiredOption('--name <name>', t('opt.gift_name'))
    .requiredOption('--cost <points>', t('opt.cost'), intOption('--cost'))
    .requiredOption('--stock <n>', t('opt.stock'), intOption('--stock'))
    .option('--donor <sponsor>', t('opt.donor'))
    .option('--json', t('opt.json'));
  action<{ name: string; cost: number; stock: number; donor?: string; json?: boolean }>(cmd, deps, async (env, opts, [code]) => {
    printGift(env, opts.json, await env.withDb((ctx) => addGift(ctx, { code: code!, ...opts })), 'gift.added');
  });
}

export function registerGiftList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'gift.list'), t);
  action<{ json?: boolean; format?: string }>(cmd, deps, async (env, opts) => {
    const gifts = await env.withDb((ctx) => listGifts(ctx.db));
    await renderRows(env.io, formatOf(opts), [
      { key: 'code', header: t('col.code'), value: (g) => g.code },
      { key: 'name', header: t('col.name'), value: (g) => g.name },
      { key: 'cost', header: t('col.cost'), value: (g) => g.cost },
      { key: 'stock', header: t('col.stock'), value: (g) => g.stock },
      { key: 'donor', header: t('col.donor'), value: (g) => g.donor },
      { key: 'retired', header: t('col.status'), value: (g) => g.retired, shown: (g) => termLabel(t, 'catalogue_status', g.retired ? 'retired' : 'active') },
    ], gifts);
  });
}

export function registerGiftRestock(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('restock'), t, 'gift.restock')
    .argument('<code>', t('arg.gift'))
    .requiredOption('--qty <n>', t('opt.qty'), intOption('--qty'))
    .option('--note <text>', t('opt.note'))
    .option('--json', t('opt.json'));
  action<{ qty: number; note?: string; json?: boolean }>(cmd, deps, async (env, opts, [code]) => {
    printGift(env, opts.json, await env.withDb((ctx) => restockGift(ctx, code!, opts.qty, opts.note)), 'gift.restocked');
  });
}

export function registerGiftRetire(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('retire'), t, 'gift.retire').argument('<code>', t('arg.gift')).option('--json', t('opt.json'));
  action<{ json?: boolean }>(cmd, deps, async (env, opts, [code]) => {
    printGift(env, opts.json, await env.withDb((ctx) => retireGift(ctx, code!)), 'gift.retired');
  });
}

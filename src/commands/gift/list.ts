import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { listGifts } from '../../domain/points/catalogue.js';

export type GiftListOptions = { json?: boolean; format?: string };

export function registerGiftList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'gift.list'), t);
  action(cmd, deps, runGiftList);
}

export async function runGiftList(env: CommandEnv, opts: GiftListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const gifts = await env.withDb((ctx) => listGifts(ctx.db));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'code', header: t('col.code'), value: (g) => g.code },
      { key: 'name', header: t('col.name'), value: (g) => g.name },
      { key: 'cost', header: t('col.cost'), value: (g) => g.cost },
      { key: 'stock', header: t('col.stock'), value: (g) => g.stock },
      { key: 'donor', header: t('col.donor'), value: (g) => g.donor },
      { key: 'retired', header: t('col.status'), value: (g) => g.retired, shown: (g) => termLabel(t, 'catalogue_status', g.retired ? 'retired' : 'active') },
    ],
    gifts,
  );
}

import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { listMerchants } from '../../domain/programme/care.js';

export type MerchantListOptions = { community?: string; json?: boolean; format?: string };

export function registerMerchantList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'merchant.list'), t).option('--community <name>', t('opt.community'));
  action(cmd, deps, runMerchantList);
}

export async function runMerchantList(env: CommandEnv, opts: MerchantListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = await env.withDb((ctx) => listMerchants(ctx.db, opts));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'name', header: t('col.name'), value: (m) => m.name },
      { key: 'community', header: t('col.community'), value: (m) => m.community },
      { key: 'offers', header: t('col.offers'), value: (m) => m.offers, shown: (m) => m.offers.map((o) => termLabel(t, 'merchant_offer', o)).join('、') },
      { key: 'addedOn', header: t('col.date'), value: (m) => m.addedOn },
    ],
    rows,
  );
}

import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { listAccounts, type Account } from '../../domain/admin/accounts.js';

export type AccountListOptions = { json?: boolean; format?: string };

export function registerAccountList(parent: Command, deps: Deps): void {
  const cmd = withFormat(describe(parent.command('list'), deps.t, 'account.list'), deps.t);
  action(cmd, deps, runAccountList);
}

export async function runAccountList(env: CommandEnv, opts: AccountListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = await env.withDb((ctx) => listAccounts(ctx.db), { anyDistrict: true });
  await renderRows<Account>(
    env.io,
    formatOf(opts),
    [
      { key: 'name', header: t('col.account'), value: (a) => a.name },
      { key: 'role', header: t('col.account_role'), value: (a) => a.role, shown: (a) => termLabel(t, 'account_role', a.role) },
      { key: 'district', header: t('col.district'), value: (a) => a.district },
      { key: 'subdistrict', header: t('col.subdistrict'), value: (a) => a.subdistrict },
      { key: 'community', header: t('col.community'), value: (a) => a.community },
      { key: 'createdAt', header: t('col.created_at'), value: (a) => a.createdAt },
      { key: 'disabledAt', header: t('col.disabled_at'), value: (a) => a.disabledAt },
    ],
    rows,
  );
}

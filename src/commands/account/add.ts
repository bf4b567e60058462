import type { Command } from 'commander';
import { Option } from 'commander';
import { ACCOUNT_ROLES } from '../../../migrations/access.js';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { writeJson } from '../../cli/render.js';
import { addAccount } from '../../domain/admin/accounts.js';
import { UsageError } from '../../errors.js';

export type AccountAddOptions = { role: string; scope?: string; passwordStdin?: boolean; json?: boolean };

export function registerAccountAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'account.add')
    .argument('<name>', t('arg.account'))
    .addOption(new Option('--role <role>', t('opt.account_role')).choices(ACCOUNT_ROLES).makeOptionMandatory())
    .option('--scope <place>', t('opt.account_scope'))
    .option('--password-stdin', t('opt.password_stdin'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runAccountAdd);
}

export async function runAccountAdd(env: CommandEnv, opts: AccountAddOptions, [name]: string[]): Promise<number | void> {
  const password = opts.passwordStdin ? await passwordFromStdin(env) : undefined;
  const account = await env.withDb((ctx) => addAccount(ctx, { name: name!, role: opts.role, scope: opts.scope, password }), { anyDistrict: true });
  if (opts.json) writeJson(env.io, { ...account, login: env.dbLocation.path.includes('://') });
  else env.done(`${env.t('account.added', { name: account.name, role: termLabel(env.t, 'account_role', account.role) })}\n`);
}

/** The password, once, from stdin (never an argument: argv is visible to every user of the machine). */
async function passwordFromStdin(env: CommandEnv): Promise<string> {
  if (env.io.stdin.isTTY) throw new UsageError({ key: 'account.password_tty' });
  const chunks: Buffer[] = [];
  for await (const chunk of env.io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  // One line: a trailing newline (echo, a here-string) is not part of it.
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password.length < 8 || password.includes('\n')) throw new UsageError({ key: 'account.password_weak' });
  return password;
}

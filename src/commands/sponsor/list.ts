import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { sponsorTotals } from '../../domain/wishes/sponsors.js';
import { sponsorColumns, sponsorView } from './shared.js';

export type SponsorListOptions = { json?: boolean; format?: string };

export function registerSponsorList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'sponsor.list'), t);
  action(cmd, deps, runSponsorList);
}

export async function runSponsorList(env: CommandEnv, opts: SponsorListOptions, _args: string[]): Promise<number | void> {
  const rows = (await env.withDb((ctx) => sponsorTotals(ctx.db, ctx.clock.today()))).map(sponsorView);
  if (formatOf(opts) === 'json') writeJson(env.io, rows);
  else await renderRows(env.io, formatOf(opts), sponsorColumns(env.t), rows);
}

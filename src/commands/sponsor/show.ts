import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRecord, renderRows, writeJson } from '../../cli/render.js';
import { listWishes } from '../../domain/wishes/read.js';
import { sponsorTotals } from '../../domain/wishes/sponsors.js';
import { viewProps, wishColumns, wishView } from '../wish/shared.js';
import { sponsorColumns, sponsorView } from './shared.js';

export type SponsorShowOptions = { json?: boolean; format?: string };

export function registerSponsorShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('show'), t, 'sponsor.show'), t, ['table', 'json']).argument('<name>', t('arg.sponsor'));
  action(cmd, deps, runSponsorShow);
}

export async function runSponsorShow(env: CommandEnv, opts: SponsorShowOptions, [name]: string[]): Promise<number | void> {
  const { t } = env;
  const { sponsor, wishes } = await env.withDb(async (ctx) => {
    const [totals] = await sponsorTotals(ctx.db, ctx.clock.today(), name);
    return { sponsor: sponsorView(totals!), wishes: (await listWishes(ctx.db, { sponsor: name }, await viewProps(ctx))).map(wishView) };
  });
  const format = formatOf(opts);
  if (format === 'json') {
    writeJson(env.io, { ...sponsor, wishes });
    return;
  }
  renderRecord(
    env.io,
    format,
    sponsor,
    sponsorColumns(t).map((c) => [c.header, (c.shown ?? c.value)(sponsor)] as [string, unknown]),
  );
  env.io.stdout.write('\n');
  await renderRows(env.io, format, wishColumns(t), wishes);
}

import { type Command } from 'commander';
import { action, describe, formatOf, withFormat, type Deps, termOption } from '../../cli/command.js';
import { renderRecord, renderRows, writeJson } from '../../cli/render.js';
import { type Translate, termLabel } from '../../cli/messages/index.js';
import type { Column } from '../../cli/render.js';
import { maskPhone } from '../../domain/privacy.js';
import { formatYuan } from '../../domain/text/money.js';
import { listWishes } from '../../domain/wishes/read.js';
import { addSponsor, sponsorTotals, type SponsorTotals } from '../../domain/wishes/sponsors.js';
import { viewProps, wishColumns, wishView } from '../wish/shared.js';

function sponsorView(s: SponsorTotals) {
  return { ...s, contactPhone: maskPhone(s.contactPhone), pledged: formatYuan(s.pledgedFen), spent: formatYuan(s.spentFen) };
}

function sponsorColumns(t: Translate): Column<ReturnType<typeof sponsorView>>[] {
  return [
    { key: 'name', header: t('col.name'), value: (s) => s.name },
    { key: 'type', header: t('col.type'), value: (s) => s.type, shown: (s) => termLabel(t, 'sponsor_type', s.type) },
    { key: 'claimed', header: t('col.claimed'), value: (s) => s.claimed },
    { key: 'fulfilled', header: t('col.fulfilled'), value: (s) => s.fulfilled },
    { key: 'open', header: t('col.open'), value: (s) => s.open },
    { key: 'overdue', header: t('col.overdue'), value: (s) => s.overdue },
    { key: 'pledged', header: t('col.pledged'), value: (s) => s.pledged },
    { key: 'spent', header: t('col.spent'), value: (s) => s.spent },
  ];
}

export function registerSponsorAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'sponsor.add')
    .argument('<name>', t('arg.sponsor'))
    .addOption(termOption('--type <type>', t('opt.sponsor_type'), 'sponsor_type').makeOptionMandatory())
    .option('--contact <name>', t('opt.contact'))
    .option('--phone <phone>', t('opt.contact_phone'))
    .option('--json', t('opt.json'));
  action<{ type: string; contact?: string; phone?: string; json?: boolean }>(cmd, deps, async (env, opts, [name]) => {
    const sponsor = await env.withDb((ctx) => addSponsor(ctx, { name: name!, ...opts }));
    if (opts.json) writeJson(env.io, { ...sponsor, contactPhone: maskPhone(sponsor.contactPhone) });
    else env.done(`${t('sponsor.added', { name: sponsor.name })}\n`);
  });
}

export function registerSponsorList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'sponsor.list'), t);
  action<{ json?: boolean; format?: string }>(cmd, deps, async (env, opts) => {
    const rows = (await env.withDb((ctx) => sponsorTotals(ctx.db, ctx.clock.today()))).map(sponsorView);
    if (formatOf(opts) === 'json') writeJson(env.io, rows);
    else await renderRows(env.io, formatOf(opts), sponsorColumns(t), rows);
  });
}

export function registerSponsorShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('show'), t, 'sponsor.show'), t, ['table', 'json']).argument('<name>', t('arg.sponsor'));
  action<{ json?: boolean; format?: string }>(cmd, deps, async (env, opts, [name]) => {
    const { sponsor, wishes } = await env.withDb(async (ctx) => {
      const [totals] = await sponsorTotals(ctx.db, ctx.clock.today(), name);
      return { sponsor: sponsorView(totals!), wishes: (await listWishes(ctx.db, { sponsor: name }, await viewProps(ctx))).map(wishView) };
    });
    const format = formatOf(opts);
    if (format === 'json') {
      writeJson(env.io, { ...sponsor, wishes });
      return;
    }
    renderRecord(env.io, format, sponsor, sponsorColumns(t).map((c) => [c.header, (c.shown ?? c.value)(sponsor)] as [string, unknown]));
    env.io.stdout.write('\n');
    await renderRows(env.io, format, wishColumns(t), wishes);
  });
}

import { codesOf } from '../../domain/vocabulary.js';
import { termLabel } from '../../cli/messages/index.js';
import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type Deps } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { addMerchant, FRIENDLY_MEASURES, listMerchants, setMeasures } from '../../domain/programme/care.js';

export function registerMerchantAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'merchant.add')
    .argument('<name>', t('arg.merchant'))
    .requiredOption('--community <name>', t('opt.community'))
    .requiredOption('--offers <list>', t('opt.offers'))
    .option('--json', t('opt.json'));
  action<{ community: string; offers: string; json?: boolean }>(cmd, deps, async (env, opts, [name]) => {
    const merchant = await env.withDb((ctx) => addMerchant(ctx, { name: name!, ...opts }));
    if (opts.json) writeJson(env.io, merchant);
    else env.done(`${t('merchant.added', { name: merchant.name, community: merchant.community })}\n`);
  });
}

export function registerMerchantList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'merchant.list'), t).option('--community <name>', t('opt.community'));
  action<{ community?: string; json?: boolean; format?: string }>(cmd, deps, async (env, opts) => {
    const rows = await env.withDb((ctx) => listMerchants(ctx.db, opts));
    await renderRows(env.io, formatOf(opts), [
      { key: 'name', header: t('col.name'), value: (m) => m.name },
      { key: 'community', header: t('col.community'), value: (m) => m.community },
      { key: 'offers', header: t('col.offers'), value: (m) => m.offers, shown: (m) => m.offers.map((o) => termLabel(t, 'merchant_offer', o)).join('、') },
      { key: 'addedOn', header: t('col.date'), value: (m) => m.addedOn },
    ], rows);
  });
}

/** `nuanxin community measures NAME --set … --unset … [--date D]`. */
export function registerCommunityMeasures(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('measures'), t, 'community.measures')
    .argument('<name>', t('arg.community'))
    .option('--set <list>', t('opt.measures_set'))
    .option('--unset <list>', t('opt.measures_unset'))
    .option('--date <date>', t('opt.measures_date'))
    .option('--json', t('opt.json'));
  cmd.addHelpText('after', `\n${FRIENDLY_MEASURES.map((m) => `  ${m.padEnd(14)}${termLabel(t, 'friendly_measure', m)}`).join('\n')}\n`);
  action<{ set?: string; unset?: string; date?: string; json?: boolean }>(cmd, deps, async (env, opts, [name]) => {
    const result = await env.withDb((ctx) => setMeasures(ctx, name!, opts));
    if (opts.json) writeJson(env.io, result);
    else env.done(`${t(result.friendly ? 'friendly.yes' : 'friendly.no', { community: result.community, measures: result.measures.map((m) => termLabel(t, 'friendly_measure', m)).join(t('list.separator')) || '—', required: codesOf('friendly_measure').map((m) => termLabel(t, 'friendly_measure', m)).join(t('list.separator')) })}\n`);
  });
}

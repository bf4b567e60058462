import { termLabel } from '../../cli/messages/index.js';
import { type Command } from 'commander';
import { action, describe, formatOf, idArgument, intOption, withFormat, type CommandEnv, type Deps, termOption } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { applyHousing, listHousing, moveHousing, type HousingCase } from '../../domain/programme/cases.js';
import { maskPhone } from '../../domain/privacy.js';
import { UsageError } from '../../errors.js';

const view = (h: HousingCase) => ({ ...h, phone: maskPhone(h.phone) });

function print(env: CommandEnv, json: boolean | undefined, h: HousingCase): void {
  if (json) writeJson(env.io, view(h));
  else env.done(`${env.t('housing.line', { id: h.id, worker: h.worker, status: termLabel(env.t, 'housing_status', h.status) })}\n`);
}

export function registerHousingApply(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('apply'), t, 'housing.apply')
    .requiredOption('--worker <phone>', t('opt.wish_worker'))
    .option('--household <n>', t('opt.household'), intOption('--household'))
    .option('--note <text>', t('opt.note'))
    .option('--json', t('opt.json'));
  action<{ worker: string; household?: number; note?: string; json?: boolean }>(cmd, deps, async (env, opts) => print(env, opts.json, await env.withDb((ctx) => applyHousing(ctx, opts))));
}

export function registerHousingAssess(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('assess'), t, 'housing.assess')
    .argument('<id>', t('arg.case'), idArgument('ID'))
    .option('--eligible', t('opt.eligible'))
    .option('--ineligible', t('opt.ineligible'))
    .option('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));
  action<{ eligible?: boolean; ineligible?: boolean; reason?: string; json?: boolean }>(cmd, deps, async (env, opts, [id]) => {
    if (Boolean(opts.eligible) === Boolean(opts.ineligible)) throw new UsageError({ key: 'housing.eligible_or_not' });
    print(env, opts.json, await env.withDb((ctx) => moveHousing(ctx, Number(id), opts.eligible ? 'eligible' : 'ineligible', { reason: opts.reason })));
  });
}

export function registerHousingAllocate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('allocate'), t, 'housing.allocate').argument('<id>', t('arg.case'), idArgument('ID')).requiredOption('--address <text>', t('opt.address')).option('--json', t('opt.json'));
  action<{ address: string; json?: boolean }>(cmd, deps, async (env, opts, [id]) => print(env, opts.json, await env.withDb((ctx) => moveHousing(ctx, Number(id), 'allocated', { address: opts.address }))));
}

export function registerHousingWithdraw(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('withdraw'), t, 'housing.withdraw').argument('<id>', t('arg.case'), idArgument('ID')).option('--reason <text>', t('opt.reason')).option('--json', t('opt.json'));
  action<{ reason?: string; json?: boolean }>(cmd, deps, async (env, opts, [id]) => print(env, opts.json, await env.withDb((ctx) => moveHousing(ctx, Number(id), 'withdrawn', { reason: opts.reason }))));
}

export function registerHousingList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'housing.list'), t).addOption(termOption('--status <status>', t('opt.case_status'), 'housing_status'));
  action<{ status?: string; json?: boolean; format?: string }>(cmd, deps, async (env, opts) => {
    const rows = (await env.withDb((ctx) => listHousing(ctx.db, { status: opts.status }))).map(view);
    await renderRows(env.io, formatOf(opts), [
      { key: 'id', header: t('col.id'), value: (h) => h.id },
      { key: 'worker', header: t('col.worker'), value: (h) => h.worker },
      { key: 'phone', header: t('col.phone'), value: (h) => h.phone },
      { key: 'household', header: t('col.household'), value: (h) => h.household },
      { key: 'status', header: t('col.status'), value: (h) => h.status, shown: (h) => termLabel(t, 'housing_status', h.status) },
      { key: 'appliedOn', header: t('col.applied_on'), value: (h) => h.appliedOn },
      { key: 'reason', header: t('col.reason'), value: (h) => h.reason ?? h.address },
    ], rows);
  });
}

import type { Command } from 'commander';
import { action, describe, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { UsageError } from '../../errors.js';
import { setWorkerActive, updateWorker } from '../../domain/workers/write.js';
import { maskWorker, toWorkerInput, workerFieldOptions, type WorkerFlags } from './shared.js';

export function registerWorkerUpdate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = workerFieldOptions(describe(parent.command('update'), t, 'worker.update').argument('<phone-or-id>', t('arg.worker')), t, false)
    .option('--new-phone <phone>', t('opt.new_phone'))
    .option('--json', t('opt.json'));
  action<WorkerFlags & { newPhone?: string; json?: boolean }>(cmd, deps, async (env, opts, [key]) => {
    const { json, newPhone, ...fields } = opts;
    if (Object.values(fields).every((v) => v === undefined) && newPhone === undefined) throw new UsageError({ key: 'usage.nothing_to_change' });
    const worker = maskWorker(await env.withDb((ctx) => updateWorker(ctx, key!, { ...toWorkerInput(fields), newPhone })));
    if (json) writeJson(env.io, worker);
    else env.done(`${t('worker.updated', { phone: worker.phone ?? key })}\n`);
  });
}

export function registerWorkerDeactivate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('deactivate'), t, 'worker.deactivate')
    .argument('<phone-or-id>', t('arg.worker'))
    .requiredOption('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));
  action<{ reason: string; json?: boolean }>(cmd, deps, async (env, opts, [key]) => {
    const worker = maskWorker(await env.withDb((ctx) => setWorkerActive(ctx, key!, false, opts.reason)));
    if (opts.json) writeJson(env.io, worker);
    else env.done(`${t('worker.deactivated', { phone: worker.phone ?? key })}\n`);
  });
}

export function registerWorkerReactivate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('reactivate'), t, 'worker.reactivate').argument('<phone-or-id>', t('arg.worker')).option('--json', t('opt.json'));
  action<{ json?: boolean }>(cmd, deps, async (env, opts, [key]) => {
    const worker = maskWorker(await env.withDb((ctx) => setWorkerActive(ctx, key!, true)));
    if (opts.json) writeJson(env.io, worker);
    else env.done(`${t('worker.reactivated', { phone: worker.phone ?? key })}\n`);
  });
}

import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { updateWorker } from '../../domain/workers/write.js';
import { UsageError } from '../../errors.js';
import { maskWorker, toWorkerInput, workerFieldOptions, type WorkerFlags } from './shared.js';

export type WorkerUpdateOptions = WorkerFlags & { newPhone?: string; json?: boolean };

export function registerWorkerUpdate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = workerFieldOptions(describe(parent.command('update'), t, 'worker.update').argument('<phone-or-id>', t('arg.worker')), t, false)
    .option('--new-phone <phone>', t('opt.new_phone'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runWorkerUpdate);
}

export async function runWorkerUpdate(env: CommandEnv, opts: WorkerUpdateOptions, [key]: string[]): Promise<number | void> {
  const { json, newPhone, ...fields } = opts;
  if (Object.values(fields).every((v) => v === undefined) && newPhone === undefined) throw new UsageError({ key: 'usage.nothing_to_change' });
  const worker = maskWorker(await env.withDb((ctx) => updateWorker(ctx, key!, { ...toWorkerInput(fields), newPhone })));
  if (json) writeJson(env.io, worker);
  else env.done(`${env.t('worker.updated', { phone: worker.phone ?? key })}\n`);
}

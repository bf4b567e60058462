import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type Deps } from '../../cli/command.js';
import { renderRecord } from '../../cli/render.js';
import { findWorker, workerHistory } from '../../domain/workers/read.js';
import { checkReveal, presenter, revealOptions, workerFields, type RevealFlags } from './shared.js';

export function registerWorkerShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = revealOptions(withFormat(describe(parent.command('show'), t, 'worker.show'), t, ['table', 'json']).argument('<phone-or-id>', t('arg.worker')), t);
  action<RevealFlags & { json?: boolean; format?: string }>(cmd, deps, async (env, opts, [key]) => {
    checkReveal(opts);
    const { worker, history } = await env.withDb(async (ctx) => {
      const found = await findWorker(ctx.db, key!);
      const present = await presenter(ctx, opts, [found]);
      return { worker: present(found), history: await workerHistory(ctx.db, found.id) };
    });
    const format = formatOf(opts);
    renderRecord(env.io, format, { ...worker, history }, workerFields(env, worker));
    if (format !== 'json') {
      env.io.stdout.write(`\n${t('col.history')}\n`);
      for (const h of history) env.io.stdout.write(`  ${h.at}  ${h.operator}  ${h.action}${h.importId ? ` #${h.importId}` : ''}  ${h.changes ? JSON.stringify(h.changes) : ''}\n`);
    }
  });
}

import { termLabel } from '../../cli/messages/index.js';
import type { Command } from 'commander';
import { action, describe, requireFlags, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { listCommunities } from '../../domain/geo/communities.js';
import { OCCUPATIONS } from '../../domain/workers/fields.js';
import { addWorker, checkWorkerPhone } from '../../domain/workers/write.js';
import { checkedBy } from '../../cli/prompter.js';
import { maskWorker, toWorkerInput, workerFieldOptions, type WorkerFlags } from './shared.js';
import { withCommunityOffer } from '../shared/community-offer.js';

export type WorkerAddOptions = WorkerFlags & { json?: boolean };

export function registerWorkerAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = workerFieldOptions(describe(parent.command('add'), t, 'worker.add'), t).option('--json', t('opt.json'));
  action(cmd, deps, runWorkerAdd);
}

export async function runWorkerAdd(env: CommandEnv, opts: WorkerAddOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const flags = await completeByPrompt(env, opts);
  const worker = maskWorker(await withCommunityOffer(env, () => env.withDb((ctx) => addWorker(ctx, toWorkerInput(flags)))));
  if (opts.json) writeJson(env.io, worker);
  else env.done(`${t('worker.created', { name: worker.name, phone: worker.phone ?? '' })}\n`);
}

async function completeByPrompt(env: CommandEnv, opts: WorkerAddOptions): Promise<WorkerAddOptions> {
  const missing = [!opts.name && '--name', !opts.phone && '--phone', !opts.occupation && '--occupation'].filter(Boolean) as string[];
  if (missing.length === 0) return opts;
  if (!env.interactive) requireFlags(env, missing);
  const { t, prompter } = env;
  const answers = { ...opts };
  answers.name ??= await prompter.input({ message: t('prompt.worker_name'), required: true });
  // A mistyped phone is caught as it is typed, by the rule the write applies.
  answers.phone ??= await prompter.input({ message: t('prompt.worker_phone'), required: true, validate: checkedBy(t, checkWorkerPhone) });
  answers.occupation ??= await prompter.select({
    message: t('prompt.occupation'),
    choices: OCCUPATIONS.map((o) => ({ name: termLabel(t, 'occupation', o), value: o })),
  });
  if (!answers.community) {
    const communities = await env.withDb((ctx) => listCommunities(ctx.db));
    if (communities.length) {
      const NEW = '\u0000new';
      const picked = await prompter.select({
        message: t('prompt.community'),
        choices: [
          { name: '—', value: '' },
          ...communities.map((c) => ({ name: c.subdistrict ? t('prompt.community_choice', { name: c.name, subdistrict: c.subdistrict }) : c.name, value: c.name })),
          { name: t('prompt.community_new'), value: NEW },
        ],
      });
      // Another community: typed, and offered for creation when the write finds it unknown.
      answers.community = picked === NEW ? await prompter.input({ message: t('prompt.community_name'), required: true }) : picked || undefined;
    }
  }
  return answers;
}

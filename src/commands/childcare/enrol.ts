import type { Command } from 'commander';
import { action, describe, intOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { enrol } from '../../domain/programme/childcare.js';
import { enrolmentView } from './shared.js';

export type ChildcareEnrolOptions = { site: string; worker: string; child: string; age: number; course?: string; json?: boolean };

export function registerChildcareEnrol(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('enrol'), t, 'childcare.enrol')
    .requiredOption('--site <name>', t('opt.site_name'))
    .requiredOption('--worker <phone>', t('opt.wish_worker'))
    .requiredOption('--child <name>', t('opt.child'))
    .requiredOption('--age <n>', t('opt.age'), intOption('--age'))
    .option('--course <course>', t('opt.course'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runChildcareEnrol);
}

export async function runChildcareEnrol(env: CommandEnv, opts: ChildcareEnrolOptions, _args: string[]): Promise<number | void> {
  const e = enrolmentView(await env.withDb((ctx) => enrol(ctx, opts)));
  if (opts.json) writeJson(env.io, e);
  else env.done(`${env.t(e.status === 'enrolled' ? 'childcare.enrolled' : 'childcare.waitlisted', { id: e.id, child: e.child, site: e.site })}\n`);
}

import type { Command } from 'commander';
import { action, describe, formatOf, termOption, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { listEnrolments, listSites } from '../../domain/programme/childcare.js';
import { enrolmentView } from './shared.js';

export type ChildcareListOptions = { site?: string; status?: 'enrolled' | 'waitlisted' | 'withdrawn'; sites?: boolean; json?: boolean; format?: string };

export function registerChildcareList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'childcare.list'), t)
    .option('--site <name>', t('opt.site_name'))
    .addOption(termOption('--status <status>', t('opt.enrolment_status'), 'enrolment_status'))
    .option('--sites', t('opt.sites_only'));
  action(cmd, deps, runChildcareList);
}

export async function runChildcareList(env: CommandEnv, opts: ChildcareListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  if (opts.sites) {
    const sites = await env.withDb((ctx) => listSites(ctx.db));
    await renderRows(
      env.io,
      formatOf(opts),
      [
        { key: 'name', header: t('col.name'), value: (s) => s.name },
        { key: 'community', header: t('col.community'), value: (s) => s.community },
        { key: 'capacity', header: t('col.capacity'), value: (s) => s.capacity },
        { key: 'enrolled', header: t('col.enrolled'), value: (s) => s.enrolled },
        { key: 'waitlisted', header: t('col.waitlisted'), value: (s) => s.waitlisted },
        { key: 'volunteers', header: t('col.volunteers'), value: (s) => s.volunteers },
        { key: 'courses', header: t('col.courses'), value: (s) => s.courses.join(',') },
      ],
      sites,
    );
    return;
  }
  const rows = (await env.withDb((ctx) => listEnrolments(ctx.db, { site: opts.site, status: opts.status }))).map(enrolmentView);
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'id', header: t('col.id'), value: (e) => e.id },
      { key: 'site', header: t('col.site'), value: (e) => e.site },
      { key: 'worker', header: t('col.worker'), value: (e) => e.worker },
      { key: 'phone', header: t('col.phone'), value: (e) => e.phone },
      { key: 'child', header: t('col.child'), value: (e) => e.child },
      { key: 'age', header: t('col.age'), value: (e) => e.age },
      { key: 'course', header: t('col.course'), value: (e) => e.course },
      { key: 'status', header: t('col.status'), value: (e) => e.status, shown: (e) => termLabel(t, 'enrolment_status', e.status) },
    ],
    rows,
  );
}

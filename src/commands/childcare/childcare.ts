import { termLabel } from '../../cli/messages/index.js';
import { type Command } from 'commander';
import { action, describe, formatOf, idArgument, intOption, withFormat, type Deps, termOption } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { addSite, addVolunteers, enrol, listEnrolments, listSites, withdraw, type Enrolment } from '../../domain/programme/childcare.js';
import { maskPhone } from '../../domain/privacy.js';

const view = (e: Enrolment) => ({ ...e, phone: maskPhone(e.phone) });

/** `nuanxin childcare site add`. */
export function registerChildcareSite(parent: Command, deps: Deps): void {
  const { t } = deps;
  const site = describe(parent.command('site'), t, 'childcare.site');
  const add = describe(site.command('add'), t, 'childcare.site.add')
    .argument('<name>', t('arg.site'))
    .requiredOption('--community <name>', t('opt.community'))
    .requiredOption('--capacity <n>', t('opt.capacity'), intOption('--capacity'))
    .option('--courses <list>', t('opt.courses'))
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'))
    .option('--json', t('opt.json'));
  action<{ community: string; capacity: number; courses?: string; from?: string; to?: string; json?: boolean }>(add, deps, async (env, opts, [name]) => {
    const created = await env.withDb((ctx) => addSite(ctx, { name: name!, ...opts }));
    if (opts.json) writeJson(env.io, created);
    else env.done(`${t('childcare.site_added', { name: created.name, capacity: created.capacity })}\n`);
  });
}

export function registerChildcareEnrol(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('enrol'), t, 'childcare.enrol')
    .requiredOption('--site <name>', t('opt.site_name'))
    .requiredOption('--worker <phone>', t('opt.wish_worker'))
    .requiredOption('--child <name>', t('opt.child'))
    .requiredOption('--age <n>', t('opt.age'), intOption('--age'))
    .option('--course <course>', t('opt.course'))
    .option('--json', t('opt.json'));
  action<{ site: string; worker: string; child: string; age: number; course?: string; json?: boolean }>(cmd, deps, async (env, opts) => {
    const e = view(await env.withDb((ctx) => enrol(ctx, opts)));
    if (opts.json) writeJson(env.io, e);
    else env.done(`${t(e.status === 'enrolled' ? 'childcare.enrolled' : 'childcare.waitlisted', { id: e.id, child: e.child, site: e.site })}\n`);
  });
}

export function registerChildcareWithdraw(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('withdraw'), t, 'childcare.withdraw').argument('<enrolment-id>', t('arg.enrolment'), idArgument('ID')).option('--json', t('opt.json'));
  action<{ json?: boolean }>(cmd, deps, async (env, opts, [id]) => {
    const { withdrawn, promoted } = await env.withDb((ctx) => withdraw(ctx, Number(id)));
    if (opts.json) writeJson(env.io, { withdrawn: view(withdrawn), promoted: promoted && view(promoted) });
    else {
      env.done(`${t('childcare.withdrawn', { id: withdrawn.id, child: withdrawn.child })}\n`);
      if (promoted) env.done(`${t('childcare.promoted', { id: promoted.id, child: promoted.child, site: promoted.site })}\n`);
    }
  });
}

export function registerChildcareList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'childcare.list'), t)
    .option('--site <name>', t('opt.site_name'))
    .addOption(termOption('--status <status>', t('opt.enrolment_status'), 'enrolment_status'))
    .option('--sites', t('opt.sites_only'));
  action<{ site?: string; status?: 'enrolled' | 'waitlisted' | 'withdrawn'; sites?: boolean; json?: boolean; format?: string }>(cmd, deps, async (env, opts) => {
    if (opts.sites) {
      const sites = await env.withDb((ctx) => listSites(ctx.db));
      await renderRows(env.io, formatOf(opts), [
        { key: 'name', header: t('col.name'), value: (s) => s.name },
        { key: 'community', header: t('col.community'), value: (s) => s.community },
        { key: 'capacity', header: t('col.capacity'), value: (s) => s.capacity },
        { key: 'enrolled', header: t('col.enrolled'), value: (s) => s.enrolled },
        { key: 'waitlisted', header: t('col.waitlisted'), value: (s) => s.waitlisted },
        { key: 'volunteers', header: t('col.volunteers'), value: (s) => s.volunteers },
        { key: 'courses', header: t('col.courses'), value: (s) => s.courses.join(',') },
      ], sites);
      return;
    }
    const rows = (await env.withDb((ctx) => listEnrolments(ctx.db, { site: opts.site, status: opts.status }))).map(view);
    await renderRows(env.io, formatOf(opts), [
      { key: 'id', header: t('col.id'), value: (e) => e.id },
      { key: 'site', header: t('col.site'), value: (e) => e.site },
      { key: 'worker', header: t('col.worker'), value: (e) => e.worker },
      { key: 'phone', header: t('col.phone'), value: (e) => e.phone },
      { key: 'child', header: t('col.child'), value: (e) => e.child },
      { key: 'age', header: t('col.age'), value: (e) => e.age },
      { key: 'course', header: t('col.course'), value: (e) => e.course },
      { key: 'status', header: t('col.status'), value: (e) => e.status, shown: (e) => termLabel(t, 'enrolment_status', e.status) },
    ], rows);
  });
}

/** `nuanxin childcare volunteer add --site NAME [--count N]`: volunteers are counted, not recorded as people. */
export function registerChildcareVolunteer(parent: Command, deps: Deps): void {
  const { t } = deps;
  const volunteer = describe(parent.command('volunteer'), t, 'childcare.volunteer');
  const add = describe(volunteer.command('add'), t, 'childcare.volunteer.add')
    .requiredOption('--site <name>', t('opt.site_name'))
    .option('--count <n>', t('opt.volunteer_count'), intOption('--count'), 1)
    .option('--json', t('opt.json'));
  action<{ site: string; count: number; json?: boolean }>(add, deps, async (env, opts) => {
    const site = await env.withDb((ctx) => addVolunteers(ctx, opts.site, opts.count));
    if (opts.json) writeJson(env.io, site);
    else env.done(`${t('childcare.volunteers', { site: site.name, volunteers: site.volunteers })}\n`);
  });
}

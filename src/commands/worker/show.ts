import { localTime } from '../../domain/clock.js';
import { actionText, describeChanges } from '../../cli/history.js';
import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRecord, renderRows, writeJson } from '../../cli/render.js';
import { workerRecord, type WorkerRecord } from '../../domain/programme/worker-record.js';
import { formatYuan } from '../../domain/text/money.js';
import { checkReveal, presenter, revealOptions, workerFields, type RevealFlags } from './shared.js';
import { termLabel } from '../../cli/messages/index.js';

export type WorkerShowOptions = RevealFlags & { json?: boolean; format?: string };

export function registerWorkerShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = revealOptions(withFormat(describe(parent.command('show'), t, 'worker.show'), t, ['table', 'json']).argument('<phone-or-id>', t('arg.worker')), t);
  action(cmd, deps, runWorkerShow);
}

export async function runWorkerShow(env: CommandEnv, opts: WorkerShowOptions, [key]: string[]): Promise<number | void> {
  checkReveal(opts);
  const record = await env.withDb(async (ctx) => {
    const found = await workerRecord(ctx.db, key!, ctx.clock.today());
    const present = await presenter(ctx, opts, [found.worker]);
    return { ...found, worker: present(found.worker) };
  });
  // Other people's numbers never appear here; the worker's own only with --reveal.
  const masked = {
    ...record,
    points: { ...record.points, recent: record.points.recent.map((e) => ({ ...e, phone: undefined })) },
    childcare: record.childcare.map((e) => ({ ...e, phone: undefined })),
    housing: record.housing.map((h) => ({ ...h, phone: undefined })),
    disputes: record.disputes.map((d) => ({ ...d, phone: undefined, amount: formatYuan(d.amountFen), recovered: formatYuan(d.recoveredFen) })),
    careVisits: record.careVisits.map((v) => ({ ...v, phone: undefined, support: formatYuan(v.supportFen) })),
  };
  const format = formatOf(opts);
  if (format === 'json') {
    const { worker, ...sections } = masked;
    writeJson(env.io, { ...worker, ...sections });
    return;
  }
  renderRecord(env.io, format, masked.worker, workerFields(env, masked.worker));
  await printSections(env, record);
}

async function section(env: CommandEnv, title: string, headers: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  env.io.stdout.write(`\n${title}\n`);
  await renderRows(env.io, 'table', headers.map((h, i) => ({ key: String(i), header: h, value: (r: unknown[]) => r[i] })), rows);
}

async function printSections(env: CommandEnv, r: WorkerRecord): Promise<void> {
  const { t } = env;
  env.io.stdout.write(`\n${t('worker.section.points', { balance: r.points.balance, earned: r.points.earned, redeemed: r.points.redeemed })}\n`);
  await section(env, t('worker.section.recent'), [t('col.id'), t('col.date'), t('col.kind'), t('col.points'), t('col.rule')], r.points.recent.map((e) => [e.id, e.businessDate, termLabel(t, 'point_kind', e.kind), e.points, e.rule ?? e.gift]));
  await section(env, t('worker.section.teams'), [t('col.name'), t('col.community'), t('col.joined')], r.teams.map((m) => [m.name, m.community, m.joinedOn]));
  await section(env, t('worker.section.wishes'), [t('col.id'), t('col.title'), t('col.category'), t('col.status'), t('col.sponsor')], r.wishes.map((w) => [w.id, w.title, termLabel(t, 'wish_category', w.category), termLabel(t, 'wish_status', w.status), w.sponsor]));
  await section(env, t('worker.section.events'), [t('col.id'), t('col.date'), t('col.type'), t('col.name'), t('col.status')], r.events.map((e) => [e.id, e.date, termLabel(t, 'event_type', e.type), e.title, termLabel(t, 'attendance_status', e.status)]));
  await section(env, t('worker.section.childcare'), [t('col.id'), t('col.site'), t('col.child'), t('col.age'), t('col.status')], r.childcare.map((e) => [e.id, e.site, e.child, e.age, termLabel(t, 'enrolment_status', e.status)]));
  await section(env, t('worker.section.housing'), [t('col.id'), t('col.status'), t('col.applied_on'), t('col.reason')], r.housing.map((h) => [h.id, termLabel(t, 'housing_status', h.status), h.appliedOn, h.reason ?? h.address]));
  await section(env, t('worker.section.disputes'), [t('col.id'), t('col.type'), t('col.status'), t('col.case_opened'), t('col.days')], r.disputes.map((d) => [d.id, termLabel(t, 'dispute_type', d.type), termLabel(t, 'dispute_status', d.status), d.openedOn, d.daysToResolve ?? d.daysOpen]));
  await section(env, t('worker.section.care'), [t('col.id'), t('col.date'), t('col.kind'), t('col.by'), t('col.support')], r.careVisits.map((v) => [v.id, v.date, termLabel(t, 'visit_kind', v.kind), v.by, formatYuan(v.supportFen)]));
  env.io.stdout.write(`\n${t('col.history')}\n`);
  for (const h of r.history) env.io.stdout.write(`  ${localTime(h.at, env.clock.timeZone)}  ${h.operator}  ${actionText(t, h.action)}${h.importId ? ` #${h.importId}` : ''}  ${describeChanges(t, h.changes, 'worker')}\n`);
}

import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRecord, renderTitledTable, writeJson } from '../../cli/render.js';
import { formatYuan } from '../../domain/text/money.js';
import { unitRecord } from '../../domain/units/record.js';
import { unitColumns, unitView } from './shared.js';

export type UnitShowOptions = { json?: boolean; format?: string };

export function registerUnitShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('show'), t, 'unit.show'), t, ['table', 'json']).argument('<name>', t('arg.unit'));
  action(cmd, deps, runUnitShow);
}

export async function runUnitShow(env: CommandEnv, opts: UnitShowOptions, [name]: string[]): Promise<number | void> {
  const { t } = env;
  const record = await env.withDb((ctx) => unitRecord(ctx.db, name!, ctx.clock.today()));
  const unit = unitView(record.unit);
  const wishes = { ...record.wishes, pledged: formatYuan(record.wishes.pledgedFen), spent: formatYuan(record.wishes.spentFen) };
  if (formatOf(opts) === 'json') {
    writeJson(env.io, {
      ...unit,
      actions: record.actions,
      units: record.units,
      stations: record.stations,
      events: record.events,
      childcareSites: record.childcareSites,
      wishes,
      visits: record.visits,
      publicity: record.publicity,
      funds: record.funds.map((f) => ({ ...f, yuan: formatYuan(f.fen) })),
    });
    return;
  }
  renderRecord(
    env.io,
    'table',
    unit,
    unitColumns(t).map((c) => [c.header, (c.shown ?? c.value)(unit)] as [string, unknown]),
  );
  await renderTitledTable(
    env.io,
    t('unit.section.actions'),
    [t('col.plan_year'), t('col.programme_action'), t('col.owner_role')],
    record.actions.map((a) => [a.year, `${a.no}. ${termLabel(t, 'action', a.action)}`, termLabel(t, 'owner_role', a.role)]),
  );
  await renderTitledTable(
    env.io,
    t('unit.section.units'),
    [t('col.name'), t('col.type')],
    record.units.map((u) => [u.name, termLabel(t, 'unit_type', u.type)]),
  );
  await renderTitledTable(
    env.io,
    t('unit.section.stations'),
    [t('col.code'), t('col.name'), t('col.community'), t('col.status')],
    record.stations.map((s) => [s.code, s.name, s.community, termLabel(t, 'station_status', s.status)]),
  );
  await renderTitledTable(
    env.io,
    t('unit.section.events'),
    [t('col.id'), t('col.date'), t('col.type'), t('col.event_title')],
    record.events.map((e) => [e.id, e.date, termLabel(t, 'event_type', e.type), e.title]),
  );
  await renderTitledTable(
    env.io,
    t('unit.section.childcare'),
    [t('col.name'), t('col.community')],
    record.childcareSites.map((s) => [s.name, s.community]),
  );
  await renderTitledTable(
    env.io,
    t('unit.section.visits'),
    [t('col.id'), t('col.date'), t('col.visit_by'), t('col.workers_met')],
    record.visits.map((v) => [v.id, v.date, v.by, v.workersMet]),
  );
  await renderTitledTable(
    env.io,
    t('unit.section.publicity'),
    [t('col.id'), t('col.date'), t('col.programme_action'), t('col.publicity_title'), t('col.reach')],
    record.publicity.map((p) => [p.id, p.date, termLabel(t, 'action', p.action), p.title, p.reach]),
  );
  await renderTitledTable(
    env.io,
    t('unit.section.funds'),
    [t('col.programme_action'), t('col.fund_in_fen')],
    record.funds.map((f) => [termLabel(t, 'action', f.action), formatYuan(f.fen)]),
  );
  if (wishes.claimed > 0) {
    const { claimed, fulfilled, open, overdue } = wishes;
    env.io.stdout.write(`\n${t('unit.section.wishes', { claimed, fulfilled, open, overdue, pledged: wishes.pledged ?? '0', spent: wishes.spent ?? '0' })}\n`);
  }
}

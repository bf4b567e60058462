import { localTime } from '../../domain/clock.js';
import { actionText, describeChanges } from '../../cli/history.js';
import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { listAudit } from '../../domain/audit.js';
import { getStation } from '../../domain/stations/read.js';
import { normalizeText } from '../../domain/text/normalize.js';
import { printStation } from './shared.js';

export type StationShowOptions = { json?: boolean; format?: string };

export function registerStationShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('show'), t, 'station.show'), t, ['table', 'json']).argument('<code>', t('arg.station_code'));
  action(cmd, deps, runStationShow);
}

export async function runStationShow(env: CommandEnv, opts: StationShowOptions, [rawCode]: string[]): Promise<number | void> {
  const { t } = env;
  const code = normalizeText(rawCode);
  const { station, history } = await env.withDb(async (ctx) => ({
    station: await getStation(ctx.db, code),
    history: await listAudit(ctx.db, { entity: 'station', entityKey: code }),
  }));
  const format = formatOf(opts);
  const events = history.map((h) => ({ at: h.at, operator: h.operator, action: h.action, detail: h.detail }));
  printStation(env, format, station, events);
  if (format !== 'json') {
    env.io.stdout.write(`\n${t('col.history')}\n`);
    for (const e of events)
      env.io.stdout.write(`  ${localTime(e.at, env.clock.timeZone)}  ${e.operator}  ${actionText(t, e.action)}  ${describeChanges(t, e.detail, 'station')}\n`);
  }
}

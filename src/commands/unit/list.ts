import type { Command } from 'commander';
import { action, describe, formatOf, termOption, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { listUnits } from '../../domain/units/units.js';
import { unitColumns, unitView } from './shared.js';

export type UnitListOptions = { type?: string; parent?: string; json?: boolean; format?: string };

export function registerUnitList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'unit.list'), t)
    .addOption(termOption('--type <type>', t('opt.unit_type_filter'), 'unit_type'))
    .option('--parent <unit>', t('opt.unit_parent_filter'));
  action(cmd, deps, runUnitList);
}

export async function runUnitList(env: CommandEnv, opts: UnitListOptions, _args: string[]): Promise<number | void> {
  const rows = (await env.withDb((ctx) => listUnits(ctx.db, { type: opts.type, parent: opts.parent }))).map(unitView);
  await renderRows(env.io, formatOf(opts), unitColumns(env.t), rows);
}

import type { Command } from 'commander';
import { action, describe, termOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { updateUnit } from '../../domain/units/units.js';
import { unitView } from './shared.js';

export type UnitUpdateOptions = { name?: string; type?: string; parent?: string; contact?: string; phone?: string; json?: boolean };

export function registerUnitUpdate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('update'), t, 'unit.update')
    .argument('<unit>', t('arg.unit'))
    .option('--name <name>', t('opt.unit_new_name'))
    .addOption(termOption('--type <type>', t('opt.unit_type'), 'unit_type'))
    .option('--parent <unit>', t('opt.unit_parent'))
    .option('--contact <name>', t('opt.contact'))
    .option('--phone <phone>', t('opt.contact_phone'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runUnitUpdate);
}

export async function runUnitUpdate(env: CommandEnv, opts: UnitUpdateOptions, [name]: string[]): Promise<number | void> {
  const unit = await env.withDb((ctx) => updateUnit(ctx, name!, opts));
  if (opts.json) writeJson(env.io, unitView(unit));
  else env.done(`${env.t('unit.updated', { name: unit.name })}\n`);
}

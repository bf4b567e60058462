import type { Command } from 'commander';
import { action, describe, termOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { addUnit } from '../../domain/units/units.js';
import { unitView } from './shared.js';

export type UnitAddOptions = { type: string; parent?: string; contact?: string; phone?: string; json?: boolean };

export function registerUnitAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'unit.add')
    .argument('<name>', t('arg.unit'))
    .addOption(termOption('--type <type>', t('opt.unit_type'), 'unit_type').makeOptionMandatory())
    .option('--parent <unit>', t('opt.unit_parent'))
    .option('--contact <name>', t('opt.contact'))
    .option('--phone <phone>', t('opt.contact_phone'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runUnitAdd);
}

export async function runUnitAdd(env: CommandEnv, opts: UnitAddOptions, [name]: string[]): Promise<number | void> {
  const unit = await env.withDb((ctx) => addUnit(ctx, { name: name!, ...opts }));
  if (opts.json) writeJson(env.io, unitView(unit));
  else env.done(`${env.t('unit.added', { name: unit.name })}\n`);
}

import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { awardImportPlan, awardRowParser } from '../../domain/points/import.js';
import { importInThread, importOptions, runImportCommand, type ImportFlags } from '../shared/import-command.js';

export type PointsImportOptions = ImportFlags;

export function registerPointsImport(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = importOptions(describe(parent.command('import'), t, 'points.import'), t);
  action(cmd, deps, runPointsImport);
}

export async function runPointsImport(env: CommandEnv, opts: PointsImportOptions, [file]: string[]): Promise<number | void> {
  return runImportCommand(env, file!, opts, async (ctx, _handle, info, onBytes) => {
    return importInThread(ctx, info, awardRowParser(ctx.clock.today()), awardImportPlan(ctx), { ...opts, onBytes });
  });
}

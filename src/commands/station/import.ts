import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { stationImportPlan, stationRowParser } from '../../domain/stations/import.js';
import { importInThread, importOptions, runImportCommand, type ImportFlags } from '../shared/import-command.js';

export type StationImportOptions = ImportFlags & { createCommunity?: boolean };

export function registerStationImport(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = importOptions(describe(parent.command('import'), t, 'station.import'), t).option('--create-community', t('opt.create_community'));
  action(cmd, deps, runStationImport);
}

export async function runStationImport(env: CommandEnv, opts: StationImportOptions, [file]: string[]): Promise<number | void> {
  return runImportCommand(env, file!, opts, async (ctx, _handle, info, onBytes) => {
    return importInThread(ctx, info, stationRowParser, stationImportPlan(ctx, { createCommunity: opts.createCommunity }), { ...opts, onBytes });
  });
}

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
  // A ledger's 依托单位 are registered as units (type other) when new, and named once the import is done.
  const registeredHosts = new Set<string>();
  const code = await runImportCommand(env, file!, opts, async (ctx, _handle, info, onBytes) => {
    return importInThread(ctx, info, stationRowParser, stationImportPlan(ctx, { createCommunity: opts.createCommunity, registeredHosts }), { ...opts, onBytes });
  });
  if (registeredHosts.size > 0 && !opts.dryRun)
    env.warn(env.t('station.hosts_registered', { count: registeredHosts.size, names: [...registeredHosts].join(env.t('list.separator')) }));
  return code;
}

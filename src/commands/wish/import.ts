import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { wishImportPlan, wishRowParser } from '../../domain/wishes/import.js';
import { importInThread, importOptions, runImportCommand, type ImportFlags } from '../shared/import-command.js';

export type WishImportOptions = ImportFlags;

export function registerWishImport(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = importOptions(describe(parent.command('import'), t, 'wish.import'), t);
  action(cmd, deps, runWishImport);
}

export async function runWishImport(env: CommandEnv, opts: WishImportOptions, [file]: string[]): Promise<number | void> {
  return runImportCommand(env, file!, opts, async (ctx, _handle, info, onBytes) => {
    return importInThread(ctx, info, wishRowParser, wishImportPlan(ctx), { ...opts, onBytes });
  });
}

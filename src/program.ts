import { Command, Option } from 'commander';
import type { Deps } from './cli/command.js';
import { registerAudit } from './commands/audit.js';
import { registerCommunityAdd } from './commands/community/add.js';
import { registerCommunityList } from './commands/community/list.js';
import { registerDbBackup } from './commands/db/backup.js';
import { registerDbCheck } from './commands/db/check.js';
import { registerDbMigrate } from './commands/db/migrate.js';
import { registerDbPath } from './commands/db/path.js';
import { registerDbStatus } from './commands/db/status.js';
import { registerInit } from './commands/init.js';
import { registerStationAdd } from './commands/station/add.js';
import { registerStationAmenities } from './commands/station/amenities.js';
import { registerStationAudit } from './commands/station/audit.js';
import { registerStationClose, registerStationReopen } from './commands/station/close.js';
import { registerStationImport } from './commands/station/import.js';
import { registerStationList } from './commands/station/list.js';
import { registerStationShow } from './commands/station/show.js';
import { registerStationUpdate } from './commands/station/update.js';
import { describe } from './cli/command.js';

export const VERSION = '0.1.0';

/** A noun's group command (`nuanxin station …`). */
function group(program: Command, deps: Deps, name: string): Command {
  return describe(program.command(name), deps.t, name);
}

/** The whole command tree. Subcommands are made with .command() so they inherit exitOverride/configureOutput. */
export function buildProgram(deps: Deps): Command {
  const { io, t } = deps;
  const program = new Command('nuanxin')
    .description(t('program.description'))
    .version(VERSION)
    .option('--db <path>', t('opt.db'))
    .addOption(new Option('--lang <lang>', t('opt.lang')).choices(['zh', 'en']))
    .option('--operator <name>', t('opt.operator'))
    .option('--yes', t('opt.yes'))
    .option('--no-color', t('opt.color'))
    .option('--debug', t('opt.debug'))
    .showHelpAfterError('(--help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  registerInit(program, deps);

  const db = group(program, deps, 'db');
  registerDbPath(db, deps);
  registerDbStatus(db, deps);
  registerDbMigrate(db, deps);
  registerDbBackup(db, deps);
  registerDbCheck(db, deps);

  registerAudit(program, deps);

  const community = group(program, deps, 'community');
  registerCommunityAdd(community, deps);
  registerCommunityList(community, deps);

  const station = group(program, deps, 'station');
  registerStationAdd(station, deps);
  registerStationList(station, deps);
  registerStationShow(station, deps);
  registerStationUpdate(station, deps);
  registerStationAmenities(station, deps);
  registerStationClose(station, deps);
  registerStationReopen(station, deps);
  registerStationImport(station, deps);
  registerStationAudit(station, deps);

  return program;
}

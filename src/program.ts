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
import { registerGiftAdd, registerGiftList, registerGiftRestock, registerGiftRetire } from './commands/gift/gift.js';
import { registerPointsAward } from './commands/points/award.js';
import { registerPointsBalance } from './commands/points/balance.js';
import { registerPointsExpire } from './commands/points/expire.js';
import { registerPointsImport } from './commands/points/import.js';
import { registerPointsLedger } from './commands/points/ledger.js';
import { registerPointsRedeem } from './commands/points/redeem.js';
import { registerPointsReverse } from './commands/points/reverse.js';
import { registerPointsRule } from './commands/points/rule.js';
import { registerPointsStatement } from './commands/points/statement.js';
import { registerPointsTop } from './commands/points/top.js';
import { registerTeamAdd, registerTeamJoin, registerTeamLeave, registerTeamList, registerTeamShow } from './commands/team/team.js';
import { registerWorkerAdd } from './commands/worker/add.js';
import { registerCareList, registerCareVisit } from './commands/care/care.js';
import { registerChildcareEnrol, registerChildcareList, registerChildcareSite, registerChildcareVolunteer, registerChildcareWithdraw } from './commands/childcare/childcare.js';
import { registerDisputeList, registerDisputeOpen, registerDisputeUpdate } from './commands/dispute/dispute.js';
import { registerEventAdd, registerEventAttend, registerEventList, registerEventShow } from './commands/event/event.js';
import { registerHousingAllocate, registerHousingApply, registerHousingAssess, registerHousingList, registerHousingWithdraw } from './commands/housing/housing.js';
import { registerCommunityMeasures, registerMerchantAdd, registerMerchantList } from './commands/merchant/merchant.js';
import { registerReportPoints, registerReportStations, registerReportWishes, registerReportWorkers } from './commands/report/areas.js';
import { registerReportProgramme } from './commands/report/programme.js';
import { registerReportCommunity, registerReportWeekly } from './commands/report/weekly.js';
import { registerConfigGet, registerConfigList, registerConfigSet } from './commands/config/config.js';
import { registerSponsorAdd, registerSponsorList, registerSponsorShow } from './commands/sponsor/sponsor.js';
import { registerWishAdd } from './commands/wish/add.js';
import { registerWishImport } from './commands/wish/import.js';
import { registerWishCancel, registerWishClaim, registerWishFollowUp, registerWishFulfil, registerWishPublish, registerWishRelease } from './commands/wish/moves.js';
import { registerWishList, registerWishShow } from './commands/wish/show.js';
import { registerWorkerExport } from './commands/worker/export.js';
import { registerWorkerImport } from './commands/worker/import.js';
import { registerWorkerImports } from './commands/worker/imports.js';
import { registerWorkerList } from './commands/worker/list.js';
import { registerWorkerPurge } from './commands/worker/purge.js';
import { registerWorkerShow } from './commands/worker/show.js';
import { registerWorkerDeactivate, registerWorkerReactivate, registerWorkerUpdate } from './commands/worker/update.js';

export const VERSION = '0.1.0';

/** A noun's group command (`nuanxin station …`) and how to fill in its verbs. */
type Group = { name: string; verbs: ((parent: Command, deps: Deps) => void)[] };

const GROUPS: Group[] = [
  { name: 'db', verbs: [registerDbPath, registerDbStatus, registerDbMigrate, registerDbBackup, registerDbCheck] },
  { name: 'community', verbs: [registerCommunityAdd, registerCommunityList, registerCommunityMeasures] },
  {
    name: 'station',
    verbs: [
      registerStationAdd,
      registerStationList,
      registerStationShow,
      registerStationUpdate,
      registerStationAmenities,
      registerStationClose,
      registerStationReopen,
      registerStationImport,
      registerStationAudit,
    ],
  },
  {
    name: 'worker',
    verbs: [
      registerWorkerImport,
      registerWorkerImports,
      registerWorkerAdd,
      registerWorkerShow,
      registerWorkerList,
      registerWorkerUpdate,
      registerWorkerDeactivate,
      registerWorkerReactivate,
      registerWorkerExport,
      registerWorkerPurge,
    ],
  },
  {
    name: 'points',
    verbs: [
      registerPointsRule,
      registerPointsAward,
      registerPointsImport,
      registerPointsRedeem,
      registerPointsReverse,
      registerPointsBalance,
      registerPointsStatement,
      registerPointsLedger,
      registerPointsTop,
      registerPointsExpire,
    ],
  },
  { name: 'team', verbs: [registerTeamAdd, registerTeamJoin, registerTeamLeave, registerTeamList, registerTeamShow] },
  { name: 'gift', verbs: [registerGiftAdd, registerGiftList, registerGiftRestock, registerGiftRetire] },
  { name: 'sponsor', verbs: [registerSponsorAdd, registerSponsorList, registerSponsorShow] },
  {
    name: 'wish',
    verbs: [
      registerWishAdd,
      registerWishImport,
      registerWishPublish,
      registerWishClaim,
      registerWishFulfil,
      registerWishFollowUp,
      registerWishRelease,
      registerWishCancel,
      registerWishShow,
      registerWishList,
    ],
  },
  { name: 'event', verbs: [registerEventAdd, registerEventList, registerEventShow, registerEventAttend] },
  { name: 'childcare', verbs: [registerChildcareSite, registerChildcareEnrol, registerChildcareWithdraw, registerChildcareList, registerChildcareVolunteer] },
  { name: 'housing', verbs: [registerHousingApply, registerHousingAssess, registerHousingAllocate, registerHousingWithdraw, registerHousingList] },
  { name: 'dispute', verbs: [registerDisputeOpen, registerDisputeUpdate, registerDisputeList] },
  { name: 'care', verbs: [registerCareVisit, registerCareList] },
  { name: 'merchant', verbs: [registerMerchantAdd, registerMerchantList] },
  { name: 'config', verbs: [registerConfigList, registerConfigGet, registerConfigSet] },
  {
    name: 'report',
    verbs: [registerReportWeekly, registerReportProgramme, registerReportStations, registerReportPoints, registerReportWishes, registerReportCommunity, registerReportWorkers],
  },
];

const OPTIONS_WITH_VALUES = new Set(['--db', '--lang', '--operator']);

/** The command word a run is for (`station` in `nuanxin --db x station list`), skipping global options. */
export function commandWord(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (OPTIONS_WITH_VALUES.has(token)) i += 1;
    else if (!token.startsWith('-')) return token === 'help' ? argv[i + 1] : token;
  }
  return undefined;
}

/**
 * The command tree. Subcommands are made with .command() so they inherit
 * exitOverride/configureOutput. `only` fills in just the verbs of the group
 * being run: start-up is the tool's everyday speed, and building every
 * verb's options costs milliseconds no run needs.
 */
export function buildProgram(deps: Deps, options: { only?: string } = {}): Command {
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
  registerAudit(program, deps);
  for (const { name, verbs } of GROUPS) {
    const group = describe(program.command(name), t, name);
    if (options.only === undefined || options.only === name) for (const register of verbs) register(group, deps);
  }
  return program;
}

// The verbs of `nuanxin report`, loaded only when that group runs (start-up is the everyday speed).
import { registerReportAnnual } from './annual.js';
import { registerReportCommunities } from './communities.js';
import { registerReportCommunity } from './community.js';
import { registerReportPoints } from './points.js';
import { registerReportProgramme } from './programme.js';
import { registerReportStations } from './stations.js';
import { registerReportTargets } from './targets.js';
import { registerReportWeekly } from './weekly.js';
import { registerReportWishes } from './wishes.js';
import { registerReportWorkers } from './workers.js';

export const verbs = [
  registerReportWeekly,
  registerReportProgramme,
  registerReportTargets,
  registerReportCommunities,
  registerReportAnnual,
  registerReportStations,
  registerReportPoints,
  registerReportWishes,
  registerReportCommunity,
  registerReportWorkers,
];

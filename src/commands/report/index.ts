// The verbs of `nuanxin report`, loaded only when that group runs (start-up is the everyday speed).
import { registerReportPoints, registerReportStations, registerReportWishes, registerReportWorkers } from './areas.js';
import { registerReportProgramme } from './programme.js';
import { registerReportCommunity, registerReportWeekly } from './weekly.js';

export const verbs = [
  registerReportWeekly,
  registerReportProgramme,
  registerReportStations,
  registerReportPoints,
  registerReportWishes,
  registerReportCommunity,
  registerReportWorkers,
];

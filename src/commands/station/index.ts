// The verbs of `nuanxin station`, loaded only when that group runs (start-up is the everyday speed).
import { registerStationAdd } from './add.js';
import { registerStationAmenities } from './amenities.js';
import { registerStationAudit } from './audit.js';
import { registerStationClose } from './close.js';
import { registerStationImport } from './import.js';
import { registerStationList } from './list.js';
import { registerStationReopen } from './reopen.js';
import { registerStationShow } from './show.js';
import { registerStationUpdate } from './update.js';

export const verbs = [
  registerStationAdd,
  registerStationList,
  registerStationShow,
  registerStationUpdate,
  registerStationAmenities,
  registerStationClose,
  registerStationReopen,
  registerStationImport,
  registerStationAudit,
];

// The verbs of `nuanxin worker`, loaded only when that group runs (start-up is the everyday speed).
import { registerWorkerAdd } from './add.js';
import { registerWorkerDeactivate } from './deactivate.js';
import { registerWorkerExport } from './export.js';
import { registerWorkerImport } from './import.js';
import { registerWorkerImports } from './imports.js';
import { registerWorkerList } from './list.js';
import { registerWorkerPurge } from './purge.js';
import { registerWorkerReactivate } from './reactivate.js';
import { registerWorkerShow } from './show.js';
import { registerWorkerTemplate } from './template.js';
import { registerWorkerUpdate } from './update.js';

export const verbs = [
  registerWorkerImport,
  registerWorkerImports,
  registerWorkerAdd,
  registerWorkerShow,
  registerWorkerList,
  registerWorkerUpdate,
  registerWorkerDeactivate,
  registerWorkerReactivate,
  registerWorkerExport,
  registerWorkerTemplate,
  registerWorkerPurge,
];

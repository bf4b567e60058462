// The verbs of `nuanxin db`, loaded only when that group runs (start-up is the everyday speed).
import { registerDbBackup } from './backup.js';
import { registerDbCheck } from './check.js';
import { registerDbMigrate } from './migrate.js';
import { registerDbPath } from './path.js';
import { registerDbStatus } from './status.js';

export const verbs = [registerDbPath, registerDbStatus, registerDbMigrate, registerDbBackup, registerDbCheck];

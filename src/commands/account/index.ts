// The verbs of `nuanxin account`, loaded only when that group runs.
import { registerAccountAdd } from './add.js';
import { registerAccountDisable } from './disable.js';
import { registerAccountList } from './list.js';

export const verbs = [registerAccountList, registerAccountAdd, registerAccountDisable];

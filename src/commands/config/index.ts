// The verbs of `nuanxin config`, loaded only when that group runs (start-up is the everyday speed).
import { registerConfigGet } from './get.js';
import { registerConfigList } from './list.js';
import { registerConfigSet } from './set.js';

export const verbs = [registerConfigList, registerConfigGet, registerConfigSet];

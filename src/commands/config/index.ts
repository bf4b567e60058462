// The verbs of `nuanxin config`, loaded only when that group runs (start-up is the everyday speed).
import { registerConfigGet, registerConfigList, registerConfigSet } from './config.js';

export const verbs = [
  registerConfigList,
  registerConfigGet,
  registerConfigSet,
];

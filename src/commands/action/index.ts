// The verbs of `nuanxin action`, loaded only when that group runs (start-up is the everyday speed).
import { registerActionAssign } from './assign.js';
import { registerActionList } from './list.js';

export const verbs = [registerActionAssign, registerActionList];

// The verbs of `nuanxin event`, loaded only when that group runs (start-up is the everyday speed).
import { registerEventAdd, registerEventAttend, registerEventList, registerEventShow } from './event.js';

export const verbs = [
  registerEventAdd,
  registerEventList,
  registerEventShow,
  registerEventAttend,
];

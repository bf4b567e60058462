// The verbs of `nuanxin event`, loaded only when that group runs (start-up is the everyday speed).
import { registerEventAdd } from './add.js';
import { registerEventAttend } from './attend.js';
import { registerEventList } from './list.js';
import { registerEventSheet } from './sheet.js';
import { registerEventShow } from './show.js';

export const verbs = [registerEventAdd, registerEventList, registerEventShow, registerEventAttend, registerEventSheet];

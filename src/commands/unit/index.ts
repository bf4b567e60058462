// The verbs of `nuanxin unit`, loaded only when that group runs (start-up is the everyday speed).
import { registerUnitAdd } from './add.js';
import { registerUnitList } from './list.js';
import { registerUnitShow } from './show.js';
import { registerUnitUpdate } from './update.js';

export const verbs = [registerUnitAdd, registerUnitList, registerUnitShow, registerUnitUpdate];

// The verbs of `nuanxin opinion`, loaded only when that group runs (start-up is the everyday speed).
import { registerOpinionAdd } from './add.js';
import { registerOpinionList } from './list.js';
import { registerOpinionUpdate } from './update.js';

export const verbs = [registerOpinionAdd, registerOpinionUpdate, registerOpinionList];

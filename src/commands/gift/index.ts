// The verbs of `nuanxin gift`, loaded only when that group runs (start-up is the everyday speed).
import { registerGiftAdd } from './add.js';
import { registerGiftList } from './list.js';
import { registerGiftRestock } from './restock.js';
import { registerGiftRetire } from './retire.js';

export const verbs = [registerGiftAdd, registerGiftList, registerGiftRestock, registerGiftRetire];

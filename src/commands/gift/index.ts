// The verbs of `nuanxin gift`, loaded only when that group runs (start-up is the everyday speed).
import { registerGiftAdd, registerGiftList, registerGiftRestock, registerGiftRetire } from './gift.js';

export const verbs = [
  registerGiftAdd,
  registerGiftList,
  registerGiftRestock,
  registerGiftRetire,
];

// The verbs of `nuanxin merchant`, loaded only when that group runs (start-up is the everyday speed).
import { registerMerchantAdd, registerMerchantList } from './merchant.js';

export const verbs = [
  registerMerchantAdd,
  registerMerchantList,
];

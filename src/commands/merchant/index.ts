// The verbs of `nuanxin merchant`, loaded only when that group runs (start-up is the everyday speed).
import { registerMerchantAdd } from './add.js';
import { registerMerchantList } from './list.js';

export const verbs = [registerMerchantAdd, registerMerchantList];

// The verbs of `nuanxin publicity`, loaded only when that group runs (start-up is the everyday speed).
import { registerPublicityAdd } from './add.js';
import { registerPublicityList } from './list.js';

export const verbs = [registerPublicityAdd, registerPublicityList];

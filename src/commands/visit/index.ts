// The verbs of `nuanxin visit`, loaded only when that group runs (start-up is the everyday speed).
import { registerVisitAdd } from './add.js';
import { registerVisitList } from './list.js';

export const verbs = [registerVisitAdd, registerVisitList];

// The verbs of `nuanxin care`, loaded only when that group runs (start-up is the everyday speed).
import { registerCareList } from './list.js';
import { registerCareVisit } from './visit.js';

export const verbs = [registerCareVisit, registerCareList];

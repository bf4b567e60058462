// The verbs of `nuanxin care`, loaded only when that group runs (start-up is the everyday speed).
import { registerCareList, registerCareVisit } from './care.js';

export const verbs = [
  registerCareVisit,
  registerCareList,
];

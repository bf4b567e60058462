// The verbs of `nuanxin housing`, loaded only when that group runs (start-up is the everyday speed).
import { registerHousingAllocate, registerHousingApply, registerHousingAssess, registerHousingList, registerHousingWithdraw } from './housing.js';

export const verbs = [
  registerHousingApply,
  registerHousingAssess,
  registerHousingAllocate,
  registerHousingWithdraw,
  registerHousingList,
];

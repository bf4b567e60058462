// The verbs of `nuanxin housing`, loaded only when that group runs (start-up is the everyday speed).
import { registerHousingAllocate } from './allocate.js';
import { registerHousingApply } from './apply.js';
import { registerHousingAssess } from './assess.js';
import { registerHousingList } from './list.js';
import { registerHousingWithdraw } from './withdraw.js';

export const verbs = [registerHousingApply, registerHousingAssess, registerHousingAllocate, registerHousingWithdraw, registerHousingList];

// The verbs of `nuanxin childcare`, loaded only when that group runs (start-up is the everyday speed).
import { registerChildcareEnrol } from './enrol.js';
import { registerChildcareList } from './list.js';
import { registerChildcareSite } from './site/index.js';
import { registerChildcareVolunteer } from './volunteer/index.js';
import { registerChildcareWithdraw } from './withdraw.js';

export const verbs = [registerChildcareSite, registerChildcareEnrol, registerChildcareWithdraw, registerChildcareList, registerChildcareVolunteer];

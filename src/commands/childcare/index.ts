// The verbs of `nuanxin childcare`, loaded only when that group runs (start-up is the everyday speed).
import { registerChildcareEnrol, registerChildcareList, registerChildcareSite, registerChildcareVolunteer, registerChildcareWithdraw } from './childcare.js';

export const verbs = [
  registerChildcareSite,
  registerChildcareEnrol,
  registerChildcareWithdraw,
  registerChildcareList,
  registerChildcareVolunteer,
];

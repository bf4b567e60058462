// The verbs of `nuanxin sponsor`, loaded only when that group runs (start-up is the everyday speed).
import { registerSponsorAdd, registerSponsorList, registerSponsorShow } from './sponsor.js';

export const verbs = [
  registerSponsorAdd,
  registerSponsorList,
  registerSponsorShow,
];

// The verbs of `nuanxin sponsor`, loaded only when that group runs (start-up is the everyday speed).
import { registerSponsorAdd } from './add.js';
import { registerSponsorList } from './list.js';
import { registerSponsorShow } from './show.js';

export const verbs = [registerSponsorAdd, registerSponsorList, registerSponsorShow];

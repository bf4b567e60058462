// The verbs of `nuanxin community`, loaded only when that group runs (start-up is the everyday speed).
import { registerCommunityAdd } from './add.js';
import { registerCommunityList } from './list.js';
import { registerCommunityMeasures } from './measures.js';

export const verbs = [registerCommunityAdd, registerCommunityList, registerCommunityMeasures];

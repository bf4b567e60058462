// The verbs of `nuanxin district`, loaded only when that group runs.
import { registerDistrictAdd } from './add.js';
import { registerDistrictList } from './list.js';

export const verbs = [registerDistrictList, registerDistrictAdd];

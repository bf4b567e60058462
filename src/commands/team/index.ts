// The verbs of `nuanxin team`, loaded only when that group runs (start-up is the everyday speed).
import { registerTeamAdd } from './add.js';
import { registerTeamJoin } from './join.js';
import { registerTeamLeave } from './leave.js';
import { registerTeamList } from './list.js';
import { registerTeamShow } from './show.js';

export const verbs = [registerTeamAdd, registerTeamJoin, registerTeamLeave, registerTeamList, registerTeamShow];

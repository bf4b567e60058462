// The verbs of `nuanxin team`, loaded only when that group runs (start-up is the everyday speed).
import { registerTeamAdd, registerTeamJoin, registerTeamLeave, registerTeamList, registerTeamShow } from './team.js';

export const verbs = [
  registerTeamAdd,
  registerTeamJoin,
  registerTeamLeave,
  registerTeamList,
  registerTeamShow,
];

// The verbs of `nuanxin dispute`, loaded only when that group runs (start-up is the everyday speed).
import { registerDisputeList } from './list.js';
import { registerDisputeOpen } from './open.js';
import { registerDisputeUpdate } from './update.js';

export const verbs = [registerDisputeOpen, registerDisputeUpdate, registerDisputeList];

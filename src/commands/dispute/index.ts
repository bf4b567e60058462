// The verbs of `nuanxin dispute`, loaded only when that group runs (start-up is the everyday speed).
import { registerDisputeList, registerDisputeOpen, registerDisputeUpdate } from './dispute.js';

export const verbs = [
  registerDisputeOpen,
  registerDisputeUpdate,
  registerDisputeList,
];

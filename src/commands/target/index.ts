// The verbs of `nuanxin target`, loaded only when that group runs (start-up is the everyday speed).
import { registerTargetClear } from './clear.js';
import { registerTargetList } from './list.js';
import { registerTargetMetrics } from './metrics.js';
import { registerTargetSet } from './set.js';

export const verbs = [registerTargetSet, registerTargetList, registerTargetClear, registerTargetMetrics];

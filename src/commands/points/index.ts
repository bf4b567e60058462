// The verbs of `nuanxin points`, loaded only when that group runs (start-up is the everyday speed).
import { registerPointsAward } from './award.js';
import { registerPointsBalance } from './balance.js';
import { registerPointsExpire } from './expire.js';
import { registerPointsImport } from './import.js';
import { registerPointsLedger } from './ledger.js';
import { registerPointsRedeem } from './redeem.js';
import { registerPointsReverse } from './reverse.js';
import { registerPointsRule } from './rule/index.js';
import { registerPointsStatement } from './statement.js';
import { registerPointsTop } from './top.js';

export const verbs = [
  registerPointsRule,
  registerPointsAward,
  registerPointsImport,
  registerPointsRedeem,
  registerPointsReverse,
  registerPointsBalance,
  registerPointsStatement,
  registerPointsLedger,
  registerPointsTop,
  registerPointsExpire,
];

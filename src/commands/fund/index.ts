// The verbs of `nuanxin fund`, loaded only when that group runs (start-up is the everyday speed).
import { registerFundBalance } from './balance.js';
import { registerFundIn } from './in.js';
import { registerFundList } from './list.js';
import { registerFundOut } from './out.js';
import { registerFundReverse } from './reverse.js';

export const verbs = [registerFundIn, registerFundOut, registerFundReverse, registerFundList, registerFundBalance];

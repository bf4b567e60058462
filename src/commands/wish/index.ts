// The verbs of `nuanxin wish`, loaded only when that group runs (start-up is the everyday speed).
import { registerWishAdd } from './add.js';
import { registerWishImport } from './import.js';
import { registerWishCancel, registerWishClaim, registerWishFollowUp, registerWishFulfil, registerWishPublish, registerWishRelease } from './moves.js';
import { registerWishList, registerWishShow } from './show.js';

export const verbs = [
  registerWishAdd,
  registerWishImport,
  registerWishPublish,
  registerWishClaim,
  registerWishFulfil,
  registerWishFollowUp,
  registerWishRelease,
  registerWishCancel,
  registerWishShow,
  registerWishList,
];

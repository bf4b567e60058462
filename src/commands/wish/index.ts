// The verbs of `nuanxin wish`, loaded only when that group runs (start-up is the everyday speed).
import { registerWishAdd } from './add.js';
import { registerWishCancel } from './cancel.js';
import { registerWishClaim } from './claim.js';
import { registerWishFollowUp } from './follow-up.js';
import { registerWishFulfil } from './fulfil.js';
import { registerWishImport } from './import.js';
import { registerWishList } from './list.js';
import { registerWishListPublish } from './list-publish.js';
import { registerWishRelease } from './release.js';
import { registerWishShow } from './show.js';

export const verbs = [
  registerWishAdd,
  registerWishImport,
  registerWishListPublish,
  registerWishClaim,
  registerWishFulfil,
  registerWishFollowUp,
  registerWishRelease,
  registerWishCancel,
  registerWishShow,
  registerWishList,
];

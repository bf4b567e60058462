import type { CareVisit } from '../../domain/programme/care.js';
import { maskPhone } from '../../domain/privacy.js';
import { formatYuan } from '../../domain/text/money.js';

/** A visit as shown: the worker's phone masked, support in yuan. */
export const visitView = (v: CareVisit) => ({ ...v, phone: maskPhone(v.phone), support: formatYuan(v.supportFen) });

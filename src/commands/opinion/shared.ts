import type { Opinion } from '../../domain/outreach/opinions.js';
import { maskPhone } from '../../domain/privacy.js';

/** An opinion as shown: the worker's phone masked. */
export const opinionView = (o: Opinion) => ({ ...o, phone: maskPhone(o.phone) });

import type { Enrolment } from '../../domain/programme/childcare.js';
import { maskPhone } from '../../domain/privacy.js';

/** An enrolment as shown: the worker's phone masked. */
export const enrolmentView = (e: Enrolment) => ({ ...e, phone: maskPhone(e.phone) });

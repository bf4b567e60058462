import { isRealDate } from '../text/dates.js';
import { normalizeText } from '../text/normalize.js';
import { acceptedTerms, parseTerm } from '../vocabulary.js';

export const OCCUPATIONS = ['rider', 'courier', 'ride_hailing', 'taxi', 'truck', 'streamer', 'other'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

export function acceptedOccupations(): string {
  return acceptedTerms('occupation');
}

/** '外卖骑手' / '送餐员' / 'rider' / 'Rider' → 'rider'; unknown → undefined. */
export function parseOccupation(value: string): Occupation | undefined {
  return parseTerm('occupation', value) as Occupation | undefined;
}

export type PhoneResult = { ok: true; phone: string } | { ok: false; excel: boolean; value: string };

/** Mainland mobile numbers: spaces, dashes and a +86/86 prefix are stripped. */
export function parseMobile(value: string): PhoneResult {
  const text = normalizeText(value);
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) return { ok: false, excel: true, value: text };
  let phone = text.replace(/[\s\-()（）.]/g, '');
  if (phone.startsWith('+86')) phone = phone.slice(3);
  else if (phone.startsWith('0086')) phone = phone.slice(4);
  // 86 without a plus (a mobile number itself never starts with 8).
  else if (phone.startsWith('86')) phone = phone.slice(2);
  return /^1[3-9]\d{9}$/.test(phone) ? { ok: true, phone } : { ok: false, excel: false, value: text };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export type IdProblem = 'excel' | 'length' | 'birth' | 'check';

/** GB 11643 resident ID: 18 characters, a real birth date, the check digit. */
export function idNumberProblem(id: string, today: string): IdProblem | undefined {
  // 4.10306E+17: Excel stored the number as a number and kept 15 digits; the rest is gone.
  if (/^\d(\.\d+)?E\+?\d+$/.test(id)) return 'excel';
  if (!/^\d{17}[\dX]$/.test(id)) return 'length';
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(y, m, d) || birth > today) return 'birth';
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17] ? undefined : 'check';
}

export function normalizeIdNumber(value: string): string {
  // normalizeText leaves single spaces only.
  return normalizeText(value).replaceAll(' ', '').toUpperCase();
}

/** 男/女/male/female/M/F → male|female; unknown → undefined. */
export function parseGender(value: string): 'male' | 'female' | undefined {
  const text = normalizeText(value).toLowerCase();
  if (text === 'm') return 'male';
  if (text === 'f') return 'female';
  return parseTerm('gender', text) as 'male' | 'female' | undefined;
}

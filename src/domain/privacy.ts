/** 13800138000 → 138****8000; landlines keep their last four digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (phone.length <= 8) return `${'*'.repeat(Math.max(0, phone.length - 4))}${phone.slice(-4)}`;
  // Landlines: area code and last four kept (0379-****2345).
  return `${phone.slice(0, 5)}${phone.slice(5, -4).replace(/\d/g, '*')}${phone.slice(-4)}`;
}

/** 410304199001011234 → 410304********123X-style: region kept, birth date hidden. */
/**
 * A name as a report may print it: the surname and, for three characters or more, the last one
 * (王*, 王*强, 欧阳**锋); a report is an aggregate handed on, not a roster.
 */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  const chars = [...name];
  if (chars.length === 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

// Written as people write them: 13912345678, 139-1234-5678, 139 1234 5678, 1391 234 5678,
// 139.1234.5678, 139/1234/5678, (139)1234-5678, +86 139…, 0086139…; 18-character IDs, also
// grouped (110105 19491231 002X, 110105-19900307-0025). Letters may touch them (Tel13912345678,
// ID110105…, wx13912345678): only a longer run of digits means it is some other number.
const SEP = '[-. /—–]';
const PHONE = `(?:(?:\\+|00)?86${SEP}?)?(?:1[3-9]\\d|\\(1[3-9]\\d\\))${SEP}?(?:\\d{4}${SEP}?\\d{4}|\\d${SEP}?\\d{3}${SEP}?\\d{4})`;
const ID = `[1-9]\\d{5}${SEP}?\\d{8}${SEP}?\\d{3}[\\dXx]`;
// A hash or other hex token (a SHA-256, its 12-character prefix) is left alone when it holds a letter a–f.
const HEX_TOKEN = '(?<![0-9A-Za-z])[0-9a-fA-F]{12,}(?![0-9A-Za-z])';
// An amount with decimals (19999999998.00 yuan) is not a phone, however phone-like its whole part.
const NUMBERS = `(?<!\\d)(${ID})(?![\\dXx])|(?<!\\d)(${PHONE})(?!\\d|\\.\\d)`;
const PERSONAL = new RegExp(`(${HEX_TOKEN})|${NUMBERS}`, 'g');
const PERSONAL_IN_DIGITS = new RegExp(NUMBERS, 'g');

function maskNumber(match: string, id: string | undefined): string {
  if (id !== undefined) return maskIdNumber(id.replace(/[^\dXx]/g, '').toUpperCase())!;
  return maskPhone(match.replace(/\D/g, '').slice(-11))!;
}

/**
 * Phones and ID numbers typed into free text (notes, reasons, refs, titles,
 * history lines) masked like the fields themselves.
 */
export function maskPersonalText(text: string): string {
  // Stryker disable next-line ConditionalExpression,Regex: a shortcut for text without a run of digits, which nothing below would change
  if (!/\d{3}/.test(text)) return text;
  return text.replace(PERSONAL, (match: string, hex: string | undefined, id: string | undefined) => {
    if (hex === undefined) return maskNumber(match, id);
    // A hex token with a letter is a hash; one of digits only is looked at as digits.
    return /[a-f]/i.test(hex) ? hex : hex.replace(PERSONAL_IN_DIGITS, (m: string, i: string | undefined) => maskNumber(m, i));
  });
}

/** The worker's own numbers, wherever they stand (even inside a longer run), replaced by their masked forms. */
export function maskKnownNumbers(text: string, numbers: string[]): string {
  let out = text;
  for (const n of numbers) if (n.length >= 7) out = out.split(n).join(n.length === 11 ? maskPhone(n)! : maskIdNumber(n)!);
  return maskPersonalText(out);
}

/**
 * A refusal's parameters as the clerk may read them: the phone or ID number
 * a reject or error quotes (malformed, so no pattern would catch it) masked.
 */
export function maskedParams<P extends Record<string, unknown> | undefined>(key: string, params: P): P {
  const value = params?.value;
  if (typeof value !== 'string') return params;
  if (key.startsWith('reject.id_')) return { ...params, value: maskIdNumber(value) ?? value };
  if (key === 'reject.phone') return { ...params, value: maskDigits(value) };
  return params;
}

/** A value that looks like a (mis-typed) phone or ID number, shown with its middle hidden. */
export function maskDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: up to seven digits the first three and last four are all of them
  if (digits.length < 7) return value;
  let seen = 0;
  return value.replace(/\d/g, (d) => {
    seen += 1;
    return seen <= 3 || seen > digits.length - 4 ? d : '*';
  });
}

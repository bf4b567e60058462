/** 13800138000 → 138****8000; landlines keep their last four digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (phone.length <= 8) return `${'*'.repeat(Math.max(0, phone.length - 4))}${phone.slice(-4)}`;
  // Landlines: area code and last four kept (0379-****2345).
  return `${phone.slice(0, 5)}${phone.slice(5, -4).replace(/\d/g, '*')}${phone.slice(-4)}`;
}

/** 410304199001011234 → 410304********123X-style: region kept, birth date hidden. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

// Written as people write them: 13912345678, 139-1234-5678, 139 1234 5678, 1391 234 5678,
// 139.1234.5678, +86 139…, 0086139…; 18-character IDs, also spaced (110105 19491231 002X).
// Never inside a longer run of letters or digits (a SHA-256 in hex is not a phone number).
const EDGE_BEFORE = '(?<![0-9A-Za-z])';
const EDGE_AFTER = '(?![0-9A-Za-z])';
const MOBILE_IN_TEXT = new RegExp(`${EDGE_BEFORE}(?:(?:\\+|00)?86[- ]?)?1[3-9](?:[-. ]?\\d){9}${EDGE_AFTER}`, 'g');
const ID_IN_TEXT = new RegExp(`${EDGE_BEFORE}[1-9](?: ?\\d){16} ?[\\dXx]${EDGE_AFTER}`, 'g');
// Any other run of 11 to 18 digits (a mistyped phone, a 15- or 17-digit ID): its middle hidden.
const LONG_DIGITS = new RegExp(`${EDGE_BEFORE}\\d{11,18}${EDGE_AFTER}`, 'g');

/**
 * Phones and ID numbers typed into free text (notes, reasons, refs, error
 * messages) masked like the fields themselves.
 */
export function maskPersonalText(text: string): string {
  if (!/\d/.test(text)) return text;
  return text
    .replace(ID_IN_TEXT, (id) => maskIdNumber(id.replace(/ /g, '').toUpperCase())!)
    .replace(MOBILE_IN_TEXT, (phone) => maskPhone(phone.replace(/\D/g, '').slice(-11))!)
    .replace(LONG_DIGITS, (digits) => maskDigits(digits));
}

/** A value that looks like a (mis-typed) phone or ID number, shown with its middle hidden. */
export function maskDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return value;
  let seen = 0;
  return value.replace(/\d/g, (d) => {
    seen += 1;
    return seen <= 3 || seen > digits.length - 4 ? d : '*';
  });
}

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

// Not inside a longer run of digits: an 18-digit ID (last may be X) or a mainland mobile.
const ID_IN_TEXT = /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9])/g;

/**
 * Phones and ID numbers typed into free text (notes, reasons, refs, error
 * messages) masked like the fields themselves.
 */
export function maskPersonalText(text: string): string {
  if (!/\d{7}/.test(text.replace(/[- ]/g, ''))) return text;
  return text
    .replace(ID_IN_TEXT, (id) => maskIdNumber(id.toUpperCase())!)
    .replace(MOBILE_IN_TEXT, (phone) => maskPhone(phone.replace(/\D/g, '').slice(-11))!);
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

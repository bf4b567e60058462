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

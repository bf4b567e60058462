import { ValidationError } from '../../errors.js';
import { normalizeText, optionalText } from './normalize.js';

/** "12.5", "¥12.50", "12元" → 1250 fen. Money is kept in integer fen. */
export function parseYuan(value: string | number, field: string): number {
  const written = normalizeText(String(value))
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .trim();
  // Commas only as thousands separators (1,000 or 12,345.50); "1,5" is a typo, not fifteen.
  if (written.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(written)) throw new ValidationError({ key: 'invalid.money', params: { field, value: String(value) } });
  const text = written.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) throw new ValidationError({ key: 'invalid.money', params: { field, value: String(value) } });
  const [whole, cents = ''] = text.split('.');
  // Ten billion yuan: past it a figure is a typo, and fen would stop being exact.
  if (whole!.replace(/^0+/, '').length > 10) throw new ValidationError({ key: 'invalid.money_range', params: { field, value: String(value) } });
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

export function optionalYuan(value: string | undefined, field: string): number | undefined {
  return optionalText(value) === undefined ? undefined : parseYuan(value!, field);
}

/** 1250 → "12.50" (yuan, two decimals). */
export function formatYuan(fen: number | null | undefined): string | null {
  if (fen === null || fen === undefined) return null;
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

import { ValidationError } from '../errors.js';

/** How many non-empty rows are looked at for the header row (title and date lines come above it). */
export const HEADER_SCAN_ROWS = 30;

/** How a column is named in a reject: its header as written (short), or its number. */
export function columnLabel(headers: string[], at: number): string {
  return headers[at]?.trim().slice(0, 40) || String(at + 1);
}

/** Field → accepted header labels (Chinese and English). */
export type HeaderAliases<F extends string> = Record<F, string[]>;

export type HeaderMap<F extends string> = {
  /** Column index of each field found in the header. */
  index: Partial<Record<F, number>>;
  /** Headers that matched no field (ignored with a warning). */
  unknown: string[];
  headers: string[];
};

/** "*手机号码 " / "Phone" / "手机号码（必填）" all compare as the same label. */
export function headerKey(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\(必填\)|\(选填\)|\*/g, '')
    .replace(/[\s_-]/g, '')
    .toLowerCase();
}

/** The columns a rejects file adds (in both languages): a fixed rejects file imports without a warning. */
const REJECTS_COLUMNS = ['行号', '原因', 'row', 'reason'];

/**
 * Columns a printed sheet adds that no import reads: the row number (序号) and
 * the signature (签名). Never warned about as unknown; a row holding nothing
 * else (a pre-numbered empty line of a sign-in sheet) is an empty row.
 */
const IGNORED = new Set(['序号', 'no', 'no.', '#', '签名', '签字', '本人签名', 'signature', ...REJECTS_COLUMNS].map(headerKey));

export function isIgnoredHeader(label: string): boolean {
  return IGNORED.has(headerKey(label));
}

function lookupOf<F extends string>(aliases: HeaderAliases<F>): Map<string, F> {
  const lookup = new Map<string, F>();
  for (const [field, labels] of Object.entries(aliases) as [F, string[]][]) {
    for (const label of [field, ...labels]) lookup.set(headerKey(label), field);
  }
  return lookup;
}

/** How many distinct known columns a row names, and whether it names every required one: is it the header? */
export function headerScore<F extends string>(cells: string[], aliases: HeaderAliases<F>, required: readonly F[]): { known: number; complete: boolean } {
  const lookup = lookupOf(aliases);
  const found = new Set<F>();
  for (const cell of cells) {
    const field = cell.length <= 64 ? lookup.get(headerKey(cell)) : undefined;
    if (field) found.add(field);
  }
  return { known: found.size, complete: required.every((f) => found.has(f)) };
}

export function mapHeaders<F extends string>(headers: string[], aliases: HeaderAliases<F>, required: readonly F[]): HeaderMap<F> {
  const lookup = lookupOf(aliases);
  const index: Partial<Record<F, number>> = {};
  const unknown: string[] = [];
  headers.forEach((header, i) => {
    const field = lookup.get(headerKey(header));
    // Two columns for one field (two 手机号码 columns): which one holds the truth is the clerk's call, not ours.
    if (field && index[field] !== undefined) {
      throw new ValidationError({ key: 'import.duplicate_column', params: { column: header.trim().slice(0, 40), first: index[field]! + 1, second: i + 1 } });
    }
    if (field) index[field] = i;
    else if (header.trim() !== '' && !isIgnoredHeader(header)) unknown.push(header.trim());
  });
  const missing = required.filter((f) => index[f] === undefined);
  if (missing.length > 0) {
    throw new ValidationError({
      key: 'import.missing_columns',
      params: {
        missing: missing.map((f) => `${f} (${aliases[f].slice(0, 2).join('/')})`).join(', '),
        // A handful, each short: a wrong file must not pour its contents onto the clerk's terminal.
        found:
          headers
            .map((h) => h.trim().slice(0, 40))
            .filter(Boolean)
            .slice(0, 20)
            .join(', ') || '—',
      },
    });
  }
  return { index, unknown, headers };
}

/** The cell for `field` in a record, or undefined when the file has no such column. */
export function cellOf<F extends string>(map: HeaderMap<F>, cells: string[], field: F): string | undefined {
  const i = map.index[field];
  // Stryker disable next-line ConditionalExpression: cells[undefined] is undefined too; the check is for the type
  return i === undefined ? undefined : cells[i];
}

import { ValidationError } from '../../errors.js';
import { normalizeText } from '../text/normalize.js';
import { acceptedTerms, parseTerm, VOCABULARY } from '../vocabulary.js';

/** The standard amenity list from the district's action plan. */
export const CORE_AMENITIES = ['seating', 'water', 'microwave', 'cooling', 'reading', 'medicine', 'charging'] as const;
/** The published "六有" build items. */
export const BUILD_ITEMS = ['signage', 'fixed_site', 'rules', 'staff', 'on_map'] as const;
/** What a station is audited against. */
export const STANDARD_ITEMS = [...CORE_AMENITIES, ...BUILD_ITEMS] as const;
export type Amenity = (typeof STANDARD_ITEMS)[number];

// Accepted spellings and labels live in the vocabulary (seed wording such as 充电充气工具 included).
export function amenityLabel(key: string): string {
  return VOCABULARY.amenity.find((t) => t.code === key)?.zh[0] ?? key;
}

/** Parses "seating,water,微波炉" (comma, 、, ；, space or full-width comma separated). */
export function parseAmenities(input: string | string[] | undefined): Amenity[] {
  // Stryker disable next-line ConditionalExpression: without input the text below is empty and gives no items either
  if (input === undefined) return [];
  const text = Array.isArray(input) ? input.join(',') : input;
  const parts = normalizeText(text)
    // Stryker disable next-line Regex: the empty parts a single separator leaves are dropped all the same
    .split(/[,，、;；|\s]+/)
    .filter(Boolean);
  const result = new Set<Amenity>();
  for (const part of parts) {
    const key = parseTerm('amenity', part) as Amenity | undefined;
    if (!key) {
      throw new ValidationError({
        key: 'station.unknown_amenity',
        params: { value: part, accepted: acceptedTerms('amenity') },
      });
    }
    result.add(key);
  }
  return [...result];
}

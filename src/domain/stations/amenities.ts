import { ValidationError } from '../../errors.js';
import { normalizeText } from '../text/normalize.js';

/** The standard amenity list from the district's action plan. */
export const CORE_AMENITIES = ['seating', 'water', 'microwave', 'cooling', 'reading', 'medicine', 'charging'] as const;
/** The published "六有" build items. */
export const BUILD_ITEMS = ['signage', 'fixed_site', 'rules', 'staff', 'on_map'] as const;
/** What a station is audited against. */
export const STANDARD_ITEMS = [...CORE_AMENITIES, ...BUILD_ITEMS] as const;
export type Amenity = (typeof STANDARD_ITEMS)[number];

/** Chinese labels (first one is the display label); any of them is accepted as input. */
export const AMENITY_LABELS: Record<Amenity, string[]> = {
  seating: ['桌椅', '座椅', '桌凳'],
  water: ['烧水壶/饮水机', '烧水壶', '饮水机', '热水'],
  microwave: ['微波炉'],
  cooling: ['电风扇/空调', '电风扇', '风扇', '空调'],
  reading: ['报刊书籍', '书籍', '报刊', '图书'],
  medicine: ['应急药品', '药品', '医药箱', '药箱'],
  charging: ['充电/充气工具', '充电', '充气', '充电工具', '充气工具'],
  signage: ['统一标识', '标识'],
  fixed_site: ['固定场所'],
  rules: ['管理制度', '制度'],
  staff: ['人员管理'],
  on_map: ['地图可查', '地图'],
};

const LOOKUP = new Map<string, Amenity>(
  STANDARD_ITEMS.flatMap((key) => [
    [key, key] as const,
    ...AMENITY_LABELS[key].map((label) => [label, key] as const),
  ]),
);

export function amenityLabel(key: string): string {
  return AMENITY_LABELS[key as Amenity]?.[0] ?? key;
}

/** Parses "seating,water,微波炉" (comma, 、, ；, space or full-width comma separated). */
export function parseAmenities(input: string | string[] | undefined): Amenity[] {
  if (input === undefined) return [];
  const text = Array.isArray(input) ? input.join(',') : input;
  const parts = normalizeText(text)
    .split(/[,，、;；|\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const result = new Set<Amenity>();
  for (const part of parts) {
    const key = LOOKUP.get(part) ?? LOOKUP.get(part.toLowerCase());
    if (!key) {
      throw new ValidationError({
        key: 'station.unknown_amenity',
        params: { value: part, accepted: STANDARD_ITEMS.join(', ') },
      });
    }
    result.add(key);
  }
  return [...result];
}

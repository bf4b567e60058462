import type { WishStatus } from '../../db/schema.js';
import { normalizeText } from '../text/normalize.js';

export const WISH_CATEGORIES = ['appliance', 'daily', 'learning', 'child', 'health', 'service', 'other'] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<WishCategory, string[]> = {
  appliance: ['家用电器', '电器'],
  daily: ['生活用品', '日用品'],
  learning: ['书籍学习', '书籍', '学习'],
  child: ['子女关爱', '子女'],
  health: ['健康', '医疗'],
  service: ['服务类', '服务'],
  other: ['其他', '其它'],
};

export const WISH_SOURCES = ['interview', 'wish_box', 'station', 'visit', 'other'] as const;
export const SOURCE_LABELS: Record<string, string[]> = {
  interview: ['走访', '街头采访', '访谈'],
  wish_box: ['心愿箱', '心愿墙'],
  station: ['驿站'],
  visit: ['站点走访', '上门', '网点走访'],
  other: ['其他'],
};

export const SPONSOR_TYPES = ['department', 'organisation', 'company', 'union', 'volunteer_group', 'individual'] as const;

function lookup<K extends string>(labels: Record<K, string[]>, value: string): K | undefined {
  const text = normalizeText(value);
  for (const [key, names] of Object.entries(labels) as [K, string[]][]) {
    if (key === text.toLowerCase() || names.includes(text)) return key;
  }
  return undefined;
}

export const parseCategory = (value: string) => lookup(CATEGORY_LABELS, value);
export const parseSource = (value: string) => lookup(SOURCE_LABELS as Record<(typeof WISH_SOURCES)[number], string[]>, value);
export const categoryLabel = (key: string) => CATEGORY_LABELS[key as WishCategory]?.[0] ?? key;

/** The lifecycle. Any move not listed here is refused, naming the allowed next steps. */
export const TRANSITIONS: Record<WishStatus, { to: WishStatus; verb: string }[]> = {
  collected: [
    { to: 'listed', verb: 'list-publish' },
    { to: 'cancelled', verb: 'cancel' },
  ],
  listed: [
    { to: 'claimed', verb: 'claim' },
    { to: 'cancelled', verb: 'cancel' },
  ],
  claimed: [
    { to: 'fulfilled', verb: 'fulfil' },
    { to: 'listed', verb: 'release' },
    { to: 'cancelled', verb: 'cancel' },
  ],
  fulfilled: [{ to: 'followed_up', verb: 'follow-up' }],
  followed_up: [],
  cancelled: [],
};

export function allowedNext(status: WishStatus): string {
  const moves = TRANSITIONS[status];
  return moves.length ? moves.map((m) => `${m.to} (wish ${m.verb})`).join(', ') : 'none';
}

import type { WishStatus } from '../../db/schema.js';
import { parseTerm } from '../vocabulary.js';

export const WISH_CATEGORIES = ['appliance', 'daily', 'learning', 'child', 'health', 'service', 'other'] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

export const WISH_SOURCES = ['interview', 'wish_box', 'station', 'visit', 'other'] as const;

export const parseCategory = (value: string) => parseTerm('wish_category', value) as WishCategory | undefined;
export const parseSource = (value: string) => parseTerm('wish_source', value) as (typeof WISH_SOURCES)[number] | undefined;

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

/** The states a wish may move to next (codes, comma-separated) and the commands that move it there. */
export function allowedNext(status: WishStatus): { allowed: string; commands: string } {
  const moves = TRANSITIONS[status];
  return { allowed: moves.map((m) => m.to).join(','), commands: moves.map((m) => `wish ${m.verb}`).join(', ') };
}

// Who a report is about: the whole district, one community (--community) or one 街道 (--subdistrict).
import { NotFoundError, UsageError } from '../../errors.js';
import type { Db } from '../context.js';
import { normalizeText } from '../text/normalize.js';
import { closestNames } from '../text/similar.js';
import type { Scope } from './figures.js';

export type ScopeInput = { community?: string; subdistrict?: string };

export async function resolveScope(db: Db, input: ScopeInput, timeZone: string): Promise<Scope> {
  const community = normalizeText(input.community) || undefined;
  const subdistrict = normalizeText(input.subdistrict) || undefined;
  if (community && subdistrict) throw new UsageError({ key: 'report.community_or_subdistrict' });
  if (community) {
    const row = await db.selectFrom('communities').select('id').where('name', '=', community).executeTakeFirst();
    if (!row) throw new NotFoundError({ key: 'community.not_found', params: { name: community } });
    return { communityIds: [row.id], community, timeZone };
  }
  if (subdistrict) return { communityIds: await subdistrictCommunities(db, subdistrict), subdistrict, timeZone };
  return { timeZone };
}

/** The ids of a 街道's communities; an unknown 街道 is refused with the closest names. */
export async function subdistrictCommunities(db: Db, name: string): Promise<number[]> {
  const row = await db.selectFrom('subdistricts').select('id').where('name', '=', name).executeTakeFirst();
  if (!row) {
    const all = await db.selectFrom('subdistricts').select('name').execute();
    const suggestions = closestNames(
      name,
      all.map((s) => s.name),
    );
    throw new NotFoundError({
      key: suggestions.length ? 'subdistrict.not_found_suggest' : 'subdistrict.not_found',
      params: { name, suggestions: suggestions.join(', ') },
      hintKey: 'subdistrict.not_found.hint',
    });
  }
  const communities = await db.selectFrom('communities').select('id').where('subdistrict_id', '=', row.id).execute();
  return communities.map((c) => c.id);
}

// Publicity (宣传) per action: videos, WeChat articles, posters, lectures, street interviews, news —
// with their reach, the unit that made them and the wish a follow-up report (跟踪报道) was about.
import { NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db } from '../context.js';
import { resolveCommunity } from '../geo/communities.js';
import { parseAction } from '../plan/actions.js';
import { happenedDate } from '../text/dates.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { wholeNumber } from '../text/numbers.js';
import { unitIdOf } from '../units/units.js';
import { acceptedTerms, parseTerm } from '../vocabulary.js';

export type Publicity = {
  id: number;
  action: string;
  date: string;
  channel: string;
  title: string;
  url: string | null;
  reach: number | null;
  unit: string | null;
  community: string | null;
  wish: number | null;
};

export type PublicityInput = { action: string; date?: string; channel: string; title: string; url?: string; reach?: number; unit?: string; community?: string; wish?: number };

const MAX_TITLE = 200;

export async function addPublicity(ctx: Ctx, input: PublicityInput): Promise<Publicity> {
  const action = parseAction(input.action);
  const channel = parseTerm('publicity_channel', input.channel);
  if (!channel) throw new ValidationError({ key: 'publicity.bad_channel', params: { value: input.channel, accepted: acceptedTerms('publicity_channel') } });
  const title = normalizeText(input.title);
  if (!title) throw new ValidationError({ key: 'invalid.required', params: { field: 'title' } });
  if ([...title].length > MAX_TITLE) throw new ValidationError({ key: 'visit.too_long', params: { field: 'title', limit: MAX_TITLE } });
  const url = optionalText(input.url);
  if (url && !/^(https?:\/\/\S+|[^\s]+\.(jpg|jpeg|png|pdf|mp4|docx?))$/i.test(url)) throw new ValidationError({ key: 'publicity.bad_url', params: { value: url } });
  if (input.reach !== undefined) wholeNumber(input.reach, 'reach');
  const date = happenedDate(input.date, 'date', ctx.clock.today());
  const id = await inTransaction(ctx, async (trx) => {
    const unit = await unitIdOf(trx, input.unit);
    const community = optionalText(input.community) ? (await resolveCommunity(trx, ctx, input.community!)).id : null;
    if (input.wish !== undefined && !(await trx.selectFrom('wishes').select('id').where('id', '=', input.wish).executeTakeFirst())) {
      throw new NotFoundError({ key: 'wish.not_found', params: { id: input.wish }, hintKey: 'wish.not_found.hint' });
    }
    const row = await trx
      .insertInto('publicity')
      .values({
        action,
        published_on: date,
        channel,
        title,
        url: url ?? null,
        reach: input.reach ?? null,
        unit_id: unit,
        community_id: community,
        wish_id: input.wish ?? null,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'create', entity: 'publicity', entityKey: row.id, detail: { action, channel, title, date } });
    return row.id;
  });
  return (await listPublicity(ctx.db, { id }))[0]!;
}

export type PublicityFilter = { id?: number; action?: string; from?: string; to?: string; wish?: number; unitId?: number };

export async function listPublicity(db: Db, filter: PublicityFilter = {}): Promise<Publicity[]> {
  let q = db
    .selectFrom('publicity as p')
    .leftJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('communities as c', 'c.id', 'p.community_id')
    .select(['p.id', 'p.action', 'p.published_on as date', 'p.channel', 'p.title', 'p.url', 'p.reach', 'u.name as unit', 'c.name as community', 'p.wish_id as wish'])
    .orderBy('p.published_on')
    .orderBy('p.id');
  if (filter.id !== undefined) q = q.where('p.id', '=', filter.id);
  if (filter.action) q = q.where('p.action', '=', parseAction(filter.action));
  if (filter.from) q = q.where('p.published_on', '>=', filter.from);
  if (filter.to) q = q.where('p.published_on', '<=', filter.to);
  if (filter.wish !== undefined) q = q.where('p.wish_id', '=', filter.wish);
  if (filter.unitId !== undefined) q = q.where('p.unit_id', '=', filter.unitId);
  return q.execute();
}

// Outreach visits (走访): to depots, stations, early-morning rider meetings and enterprises — how
// many workers were met, for which action — and the opinions heard there (opinion add --from VISIT).
import { NotFoundError, ValidationError } from '../../errors.js';
import { parseAction } from '../plan/actions.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db } from '../context.js';
import { resolveCommunity } from '../geo/communities.js';
import { happenedDate } from '../text/dates.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { countWithin } from '../text/numbers.js';

export type Visit = {
  id: number;
  date: string;
  unit: string | null;
  place: string | null;
  community: string | null;
  by: string;
  workersMet: number | null;
  action: string | null;
  note: string | null;
  opinions: number;
};

export type VisitInput = { to: string; date?: string; by: string; workersMet?: number; action?: string; community?: string; note?: string };

const MAX_TEXT = 200;

function textOf(value: string | undefined, field: string, required: boolean): string | null {
  const text = optionalText(value);
  if (!text) {
    if (required) throw new ValidationError({ key: 'invalid.required', params: { field } });
    return null;
  }
  if ([...text].length > MAX_TEXT) throw new ValidationError({ key: 'visit.too_long', params: { field, limit: MAX_TEXT } });
  return text;
}

/** `--to`: a registered unit by name, a station by code or name (its community), else the place as said (早高峰骑手集结点). */
export async function addVisit(ctx: Ctx, input: VisitInput): Promise<Visit> {
  const to = textOf(input.to, 'to', true)!;
  const by = textOf(input.by, 'by', true)!;
  const date = happenedDate(input.date, 'date', ctx.clock.today());
  if (input.workersMet !== undefined) countWithin(input.workersMet, 'workers-met', 1_000_000);
  const action = optionalText(input.action) ? parseAction(input.action!) : null;
  const id = await inTransaction(ctx, async (trx) => {
    const unit = await trx.selectFrom('units').select('id').where('name', '=', normalizeText(to)).executeTakeFirst();
    // A station by its code or name: the visit is there, in its community.
    const station = unit
      ? undefined
      : await trx
          .selectFrom('stations')
          .select(['code', 'name', 'community_id'])
          .where((eb) => eb.or([eb('code', '=', normalizeText(to).toUpperCase()), eb('name', '=', normalizeText(to))]))
          .executeTakeFirst();
    const community = optionalText(input.community) ? (await resolveCommunity(trx, ctx, input.community!)).id : (station?.community_id ?? null);
    const row = await trx
      .insertInto('visits')
      .values({
        visit_date: date,
        unit_id: unit?.id ?? null,
        place: unit ? null : station ? `${station.name}（${station.code}）` : to,
        community_id: community,
        by_name: by,
        workers_met: input.workersMet ?? null,
        action,
        note: textOf(input.note, 'note', false),
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'create', entity: 'visit', entityKey: row.id, detail: { to, date, workers_met: input.workersMet ?? null } });
    return row.id;
  });
  return getVisit(ctx.db, id);
}

export type VisitFilter = { id?: number; from?: string; to?: string; action?: string; community?: string; unitId?: number };

export async function listVisits(db: Db, filter: VisitFilter = {}): Promise<Visit[]> {
  let q = db
    .selectFrom('visits as v')
    .leftJoin('units as u', 'u.id', 'v.unit_id')
    .leftJoin('communities as c', 'c.id', 'v.community_id')
    .select((eb) => [
      'v.id',
      'v.visit_date as date',
      'u.name as unit',
      'v.place',
      'c.name as community',
      'v.by_name as by',
      'v.workers_met as workersMet',
      'v.action',
      'v.note',
      eb.selectFrom('opinions as o').select(eb.fn.countAll<number>().as('n')).whereRef('o.visit_id', '=', 'v.id').as('opinions'),
    ])
    .orderBy('v.visit_date')
    .orderBy('v.id');
  if (filter.id !== undefined) q = q.where('v.id', '=', filter.id);
  if (filter.from) q = q.where('v.visit_date', '>=', filter.from);
  if (filter.to) q = q.where('v.visit_date', '<=', filter.to);
  if (filter.action) q = q.where('v.action', '=', parseAction(filter.action));
  if (filter.community) q = q.where('c.name', '=', normalizeText(filter.community));
  if (filter.unitId !== undefined) q = q.where('v.unit_id', '=', filter.unitId);
  return (await q.execute()).map((r) => ({ ...r, opinions: Number(r.opinions ?? 0) }));
}

export async function getVisit(db: Db, id: number): Promise<Visit> {
  const [found] = await listVisits(db, { id });
  if (!found) throw new NotFoundError({ key: 'visit.not_found', params: { id }, hintKey: 'visit.not_found.hint' });
  return found;
}

import type { WishStatus } from '../../db/schema.js';
import { NotFoundError } from '../../errors.js';
import { addDays } from '../clock.js';
import type { Db } from '../context.js';
import { normalizeText } from '../text/normalize.js';

export type Wish = {
  id: number;
  title: string;
  category: string;
  workerId: number | null;
  worker: string | null;
  workerPhone: string | null;
  site: string | null;
  detail: string | null;
  estimateFen: number | null;
  source: string;
  collectedOn: string;
  station: string | null;
  community: string | null;
  status: WishStatus;
  listedOn: string | null;
  sponsor: string | null;
  pledgeFen: number | null;
  claimedOn: string | null;
  dueOn: string | null;
  costFen: number | null;
  fulfilledOn: string | null;
  evidence: string | null;
  overdue: boolean;
  stale: boolean;
};

export type TimelineEvent = {
  at: string;
  businessDate: string;
  operator: string;
  from: WishStatus | null;
  to: WishStatus;
  sponsor: string | null;
  amountFen: number | null;
  dueOn: string | null;
  note: string | null;
};

export type WishFilter = { status?: WishStatus; category?: string; sponsor?: string; community?: string; overdue?: boolean; stale?: boolean; ids?: number[] };

function wishQuery(db: Db) {
  return db
    .selectFrom('wishes as w')
    .leftJoin('workers as k', 'k.id', 'w.worker_id')
    .leftJoin('stations as st', 'st.id', 'w.station_id')
    .leftJoin('communities as c', 'c.id', 'w.community_id')
    .leftJoin('units as s', 's.id', 'w.sponsor_id')
    .selectAll('w')
    .select(['k.name as worker', 'k.phone as worker_phone', 'st.code as station', 'c.name as community', 's.name as sponsor']);
}

/** Whether a date (none: never) falls before `day`. */
function isBefore(date: string | null, day: string): boolean {
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent — null < 'YYYY-MM-DD' is false in JavaScript too, and a claimed wish always has its due day, a listed one its listing day
  if (date === null) return false;
  return date < day;
}

/** The view of a wish as of `today`: overdue claims and stale listings are flagged. */
export async function listWishes(db: Db, filter: WishFilter, props: { today: string; staleDays: number }): Promise<Wish[]> {
  let query = wishQuery(db).orderBy('w.id');
  // Stryker disable next-line ArrayDeclaration: SQLite takes `in ()` as matching nothing too; PostgreSQL refuses it (its run kills this)
  if (filter.ids) query = query.where('w.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.status) query = query.where('w.status', '=', filter.status);
  if (filter.category) query = query.where('w.category', '=', filter.category);
  if (filter.sponsor) query = query.where('s.name', '=', normalizeText(filter.sponsor));
  if (filter.community) query = query.where('c.name', '=', normalizeText(filter.community));
  if (filter.overdue) query = query.where('w.status', '=', 'claimed').where('w.due_on', '<', props.today);
  const staleBefore = addDays(props.today, -props.staleDays);
  if (filter.stale) query = query.where('w.status', '=', 'listed').where('w.listed_on', '<', staleBefore);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    category: r.category,
    workerId: r.worker_id,
    worker: r.worker,
    workerPhone: r.worker_phone,
    site: r.site,
    detail: r.detail,
    estimateFen: r.estimate_fen,
    source: r.source,
    collectedOn: r.collected_on,
    station: r.station,
    community: r.community,
    status: r.status,
    listedOn: r.listed_on,
    sponsor: r.sponsor,
    pledgeFen: r.pledge_fen,
    claimedOn: r.claimed_on,
    dueOn: r.due_on,
    costFen: r.cost_fen,
    fulfilledOn: r.fulfilled_on,
    evidence: r.evidence,
    overdue: r.status === 'claimed' && isBefore(r.due_on, props.today),
    stale: r.status === 'listed' && isBefore(r.listed_on, staleBefore),
  }));
}

export async function getWish(db: Db, id: number, props: { today: string; staleDays: number }): Promise<Wish> {
  const [wish] = await listWishes(db, { ids: [id] }, props);
  if (!wish) throw new NotFoundError({ key: 'wish.not_found', params: { id }, hintKey: 'wish.not_found.hint' });
  return wish;
}

export async function timeline(db: Db, wishId: number): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('wish_events as e')
    .leftJoin('units as s', 's.id', 'e.sponsor_id')
    .select(['e.at', 'e.business_date', 'e.operator', 'e.from_status', 'e.to_status', 's.name as sponsor', 'e.amount_fen', 'e.due_on', 'e.note'])
    .where('e.wish_id', '=', wishId)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    businessDate: r.business_date,
    operator: r.operator,
    from: r.from_status,
    to: r.to_status,
    sponsor: r.sponsor,
    amountFen: r.amount_fen,
    dueOn: r.due_on,
    note: r.note,
  }));
}

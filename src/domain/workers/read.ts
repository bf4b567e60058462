import { sql } from 'kysely';
import { likeAnyCase } from '../../db/sql.js';
import { ConflictError, NotFoundError, UsageError } from '../../errors.js';
import type { Db } from '../context.js';
import { normalizeText } from '../text/normalize.js';
import { parseMobile } from './fields.js';

export type Worker = {
  id: number;
  phone: string | null;
  name: string;
  idNumber: string | null;
  gender: string | null;
  occupation: string;
  platform: string | null;
  site: string | null;
  community: string | null;
  subdistrict: string | null;
  joinedOn: string | null;
  note: string | null;
  active: boolean;
  deactivatedOn: string | null;
  deactivatedReason: string | null;
  registeredOn: string;
  purged: boolean;
  createdAt: string;
  updatedAt: string;
};

export type WorkerFilter = {
  community?: string;
  occupation?: string;
  platform?: string;
  active?: boolean;
  search?: string;
  /** The clerk gave --reveal --reason: digits may match anywhere in a phone or ID number (the reveal is logged). */
  searchRevealed?: boolean;
  limit?: number;
};

function baseQuery(db: Db) {
  return db
    .selectFrom('workers as w')
    .leftJoin('communities as c', 'c.id', 'w.community_id')
    .leftJoin('subdistricts as s', 's.id', 'c.subdistrict_id')
    .select((eb) => [
      'w.id',
      'w.phone',
      'w.name',
      'w.id_number',
      'w.gender',
      'w.occupation',
      'w.platform',
      'w.site',
      'c.name as community',
      // The community's 街道 when it has one (a worker who moves community moves 街道 too); else what the roster said.
      eb.fn.coalesce('s.name', 'w.subdistrict').as('subdistrict'),
      'w.joined_on',
      'w.note',
      'w.active',
      'w.deactivated_on',
      'w.deactivated_reason',
      'w.registered_on',
      'w.purged_at',
      'w.created_at',
      'w.updated_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export function toWorker(r: Row): Worker {
  return {
    id: r.id,
    phone: r.phone,
    name: r.name,
    idNumber: r.id_number,
    gender: r.gender,
    occupation: r.occupation,
    platform: r.platform,
    site: r.site,
    community: r.community,
    subdistrict: r.subdistrict,
    joinedOn: r.joined_on,
    note: r.note,
    active: r.active === 1,
    deactivatedOn: r.deactivated_on,
    deactivatedReason: r.deactivated_reason,
    registeredOn: r.registered_on,
    purged: r.purged_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A worker by mobile phone, or by numeric id (`12` or `#12`). */
export async function findWorker(db: Db, key: string): Promise<Worker> {
  const text = normalizeText(key);
  const phone = parseMobile(text);
  let query = baseQuery(db);
  if (phone.ok) query = query.where('w.phone', '=', phone.phone);
  else if (/^#?\d+$/.test(text)) {
    // An id past 2^53 names nobody (and must not reach a 64-bit column as a rounded number).
    const id = Number(text.replace('#', ''));
    // Stryker disable next-line ConditionalExpression: on SQLite 1e20 just finds no row; PostgreSQL refuses it as out of range (its run kills this)
    if (!Number.isSafeInteger(id)) throw new NotFoundError({ key: 'worker.not_found', params: { key: text } });
    query = query.where('w.id', '=', id);
  }
  // A name, not a phone or id: say where names are looked up.
  else throw new NotFoundError({ key: 'worker.not_found', params: { key: text }, hintKey: 'worker.not_found.hint' });
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError({ key: 'worker.not_found', params: { key: text } });
  return toWorker(row);
}

/** A worker who can still be written to: found, and not purged (a purged record keeps only its statistics). */
export async function findLivingWorker(db: Db, key: string): Promise<Worker> {
  const worker = await findWorker(db, key);
  if (worker.purged) throw new ConflictError({ key: 'worker.purged', params: { key } });
  return worker;
}

export function filteredWorkers(db: Db, filter: WorkerFilter) {
  let query = baseQuery(db).orderBy('w.id');
  if (filter.community) query = query.where('c.name', '=', normalizeText(filter.community));
  if (filter.occupation) query = query.where('w.occupation', '=', filter.occupation);
  if (filter.platform) query = query.where('w.platform', '=', normalizeText(filter.platform));
  if (filter.active !== undefined) query = query.where('w.active', '=', filter.active ? 1 : 0);
  // Stryker disable next-line ConditionalExpression: equivalent — an empty search matches every name
  if (filter.search) {
    const text = normalizeText(filter.search);
    const like = `%${escapeLike(text)}%`;
    const digits = searchDigits(text, Boolean(filter.searchRevealed));
    query = query.where((eb) =>
      eb.or([likeAnyCase(db, sql`w.name`, like), likeAnyCase(db, sql`w.site`, like), ...digits.map(([column, pattern]) => eb(sql.ref(`w.${column}`), 'like', pattern))]),
    );
  }
  if (filter.limit) query = query.limit(filter.limit);
  return query;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * What digits may match in a phone or ID number without revealing it: the
 * whole number, or only the digits its masked form shows anyway (138****8000:
 * up to 3 leading and 4 trailing; 410304********123X: 6 leading, 4 trailing).
 * Anything else could recover a masked number digit by digit, so it needs
 * --reveal (and is then logged as a reveal of every worker listed).
 */
export function searchDigits(text: string, revealed: boolean): ['phone' | 'id_number', string][] {
  const digits = text.replace(/[\s-]/g, '').toUpperCase();
  if (!/^\d+X?$/.test(digits)) return [];
  if (revealed)
    return [
      ['phone', `%${digits}%`],
      ['id_number', `%${digits}%`],
    ];
  const n = digits.length;
  if (n === 11) return [['phone', digits]];
  if (n === 18) return [['id_number', digits]];
  if (n > 6) throw new UsageError({ key: 'search.digits_hidden', params: { count: n }, hintKey: 'reveal.hint' });
  const visible: ['phone' | 'id_number', string][] = [['id_number', `${digits}%`]];
  if (n <= 3) visible.push(['phone', `${digits}%`]);
  if (n <= 4) visible.push(['phone', `%${digits}`], ['id_number', `%${digits}`]);
  return visible;
}

export async function listWorkers(db: Db, filter: WorkerFilter = {}): Promise<Worker[]> {
  return (await filteredWorkers(db, filter).execute()).map(toWorker);
}

/** Streams matching workers (exports of a whole district's roster stay flat in memory). */
export async function* streamWorkers(db: Db, filter: WorkerFilter = {}): AsyncGenerator<Worker> {
  for await (const row of filteredWorkers(db, filter).stream(1000)) yield toWorker(row);
}

export type HistoryEntry = { at: string; operator: string; action: string; importId: number | null; changes: unknown };

/** The worker's history, oldest first; a worker registered by an import starts with that import. */
export async function workerHistory(db: Db, workerId: number): Promise<HistoryEntry[]> {
  const rows = await db.selectFrom('worker_history').selectAll().where('worker_id', '=', workerId).orderBy('id').execute();
  const entries = await withCommunityNames(
    db,
    rows.map((r) => ({ at: r.at, operator: r.operator, action: r.action, importId: r.import_id, changes: r.changes ? JSON.parse(r.changes) : null })),
  );
  const origin = await db
    .selectFrom('workers as w')
    .innerJoin('imports as i', 'i.id', 'w.import_id')
    .select(['i.id', 'i.at', 'i.operator'])
    .where('w.id', '=', workerId)
    .executeTakeFirst();
  return origin ? [{ at: origin.at, operator: origin.operator, action: 'import', importId: origin.id, changes: null }, ...entries] : entries;
}

/** A change of `community_id` read as the communities' names (an id means nothing to a reader). */
async function withCommunityNames(db: Db, entries: HistoryEntry[]): Promise<HistoryEntry[]> {
  const ids = new Set<number>();
  for (const e of entries) {
    const pair = (e.changes as Record<string, unknown> | null)?.community_id;
    // Stryker disable next-line ConditionalExpression: equivalent — a null in the list names no community either way
    if (Array.isArray(pair)) for (const id of pair) if (typeof id === 'number') ids.add(id);
  }
  // Stryker disable next-line ConditionalExpression: SQLite takes `in ()` as matching nothing; PostgreSQL refuses it (its run kills this)
  if (ids.size === 0) return entries;
  const names = new Map(
    (
      await db
        .selectFrom('communities')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute()
    ).map((c) => [c.id, c.name]),
  );
  return entries.map((e) => {
    const { community_id: pair, ...rest } = (e.changes ?? {}) as Record<string, unknown>;
    if (!Array.isArray(pair)) return e;
    // Stryker disable next-line ConditionalExpression: equivalent — names.get(null) ?? null is null
    return { ...e, changes: { ...rest, community: pair.map((id) => (typeof id === 'number' ? (names.get(id) ?? id) : id)) } };
  });
}

export async function listImports(db: Db, kind: string) {
  return db.selectFrom('imports').selectAll().where('kind', '=', kind).orderBy('id').execute();
}

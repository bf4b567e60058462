// The registry of units (单位): who leads and owns the actions, hosts stations, organises events,
// partners childcare sites, claims wishes, gives money. One name, one unit: every reference to a
// unit is by its registered name, and an unknown name is refused with the closest ones, so the
// registry does not fill with near-duplicates (顺丰 / 顺丰速运).
import { sql } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db, type Tx } from '../context.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { closestNames } from '../text/similar.js';
import { acceptedTerms, codesOf, parseTerm } from '../vocabulary.js';

export type Unit = { id: number; name: string; type: string; parent: string | null; contactName: string | null; contactPhone: string | null };

export type UnitInput = { name: string; type: string; parent?: string; contact?: string; phone?: string };

/** Longest unit name kept: 顺丰速运有限公司洛阳瀍河回族区夹马营路营业部 is 22. */
const MAX_NAME = 60;

function unitQuery(db: Db) {
  return db.selectFrom('units as u').leftJoin('units as p', 'p.id', 'u.parent_id').select(['u.id', 'u.name', 'u.type', 'p.name as parent', 'u.contact_name', 'u.contact_phone']);
}

type UnitRow = { id: number; name: string; type: string; parent: string | null; contact_name: string | null; contact_phone: string | null };

function unitOf(r: UnitRow): Unit {
  return { id: r.id, name: r.name, type: r.type, parent: r.parent, contactName: r.contact_name, contactPhone: r.contact_phone };
}

/** The unit of that name; an unknown name is refused (exit 3) with the closest registered names. */
export async function findUnit(db: Db, rawName: string): Promise<Unit> {
  const name = normalizeText(rawName);
  const row = await unitQuery(db).where('u.name', '=', name).executeTakeFirst();
  if (row) return unitOf(row);
  // Latin letters in any case (abc for ABC), when only one unit reads so.
  const folded = await unitQuery(db).where(sql<string>`lower(u.name)`, '=', name.toLowerCase()).execute();
  if (folded.length === 1) return unitOf(folded[0]!);
  const all = await db.selectFrom('units').select('name').execute();
  const suggestions = closestNames(
    name,
    all.map((u) => u.name),
  );
  throw new NotFoundError({
    key: suggestions.length ? 'unit.not_found_suggest' : 'unit.not_found',
    params: { name, suggestions: suggestions.join(', ') },
    hintKey: 'unit.not_found.hint',
  });
}

/** A unit reference given as an option: its id, or null when the option is absent or blank. */
export async function unitIdOf(db: Db, name: string | undefined | null): Promise<number | null> {
  const text = optionalText(name ?? undefined);
  return text ? (await findUnit(db, text)).id : null;
}

/**
 * A unit named in an imported ledger (a station's 依托单位): the registered one, or a new unit of
 * type `other`, as migration 0013 registered the free text it found. `created` says which.
 */
export async function ensureUnit(trx: Tx, ctx: Ctx, rawName: string): Promise<{ id: number; created: boolean }> {
  const name = normalizeText(rawName);
  const found = await trx.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return { id: found.id, created: false };
  if ([...name].length > MAX_NAME) throw new ValidationError({ key: 'unit.name_too_long', params: { limit: MAX_NAME } });
  const row = await trx
    .insertInto('units')
    .values({ name, type: 'other', parent_id: null, contact_name: null, contact_phone: null, created_at: ctx.clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, { action: 'create', entity: 'unit', entityKey: name, detail: { type: 'other', from: ctx.actor.command } });
  return { id: row.id, created: true };
}

function phoneOf(value: string | undefined): string | null {
  // optionalText leaves single spaces only.
  const text = optionalText(value)?.replaceAll(' ', '');
  if (text === undefined) return null;
  // Landlines (0379-63200000) and mobiles alike.
  if (!/^\+?[\d-]{7,20}$/.test(text)) throw new ValidationError({ key: 'invalid.phone', params: { field: 'phone', value: text } });
  return text;
}

function unitTypeOf(value: string): string {
  const type = parseTerm('unit_type', value);
  if (!type) throw new ValidationError({ key: 'unit.bad_type', params: { value, accepted: acceptedTerms('unit_type') } });
  return type;
}

export async function addUnit(ctx: Ctx, input: UnitInput): Promise<Unit> {
  const name = normalizeText(input.name);
  if (!name) throw new ValidationError({ key: 'invalid.required', params: { field: 'name' } });
  if ([...name].length > MAX_NAME) throw new ValidationError({ key: 'unit.name_too_long', params: { limit: MAX_NAME } });
  const type = unitTypeOf(input.type);
  const contactPhone = phoneOf(input.phone);
  await inTransaction(ctx, async (trx) => {
    const clash = await trx.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst();
    if (clash) throw new ConflictError({ key: 'unit.exists', params: { name } });
    const parentId = await unitIdOf(trx, input.parent);
    await trx
      .insertInto('units')
      .values({ name, type, parent_id: parentId, contact_name: optionalText(input.contact) ?? null, contact_phone: contactPhone, created_at: ctx.clock.now().toISOString() })
      .execute();
    await recordAudit(trx, ctx, { action: 'create', entity: 'unit', entityKey: name, detail: { type, parent: optionalText(input.parent) ?? null } });
  });
  return findUnit(ctx.db, name);
}

export type UnitChange = { name?: string; type?: string; parent?: string; contact?: string; phone?: string };

/**
 * Corrects a unit: its name (every reference follows, being by id), type, parent, contact. A unit
 * the upgrade or a station ledger registered as `other` is given its real type here.
 */
export async function updateUnit(ctx: Ctx, name: string, change: UnitChange): Promise<Unit> {
  const newName = change.name === undefined ? undefined : normalizeText(change.name);
  if (newName !== undefined && !newName) throw new ValidationError({ key: 'invalid.required', params: { field: 'name' } });
  if (newName && [...newName].length > MAX_NAME) throw new ValidationError({ key: 'unit.name_too_long', params: { limit: MAX_NAME } });
  const type = change.type === undefined ? undefined : unitTypeOf(change.type);
  const phone = change.phone === undefined ? undefined : phoneOf(change.phone);
  const final = await inTransaction(ctx, async (trx) => {
    const unit = await findUnit(trx, name);
    if (newName && newName !== unit.name && (await trx.selectFrom('units').select('id').where('name', '=', newName).executeTakeFirst())) {
      throw new ConflictError({ key: 'unit.exists', params: { name: newName } });
    }
    let parentId: number | null | undefined;
    if (change.parent !== undefined) {
      parentId = await unitIdOf(trx, change.parent);
      // A unit under itself, or under one of its own, would make a loop.
      for (let at = parentId; at !== null; ) {
        if (at === unit.id) throw new ValidationError({ key: 'unit.parent_loop', params: { name: unit.name } });
        at = (await trx.selectFrom('units').select('parent_id').where('id', '=', at).executeTakeFirstOrThrow()).parent_id;
      }
    }
    const set = {
      ...(newName ? { name: newName } : {}),
      ...(type ? { type } : {}),
      ...(parentId !== undefined ? { parent_id: parentId } : {}),
      ...(change.contact !== undefined ? { contact_name: optionalText(change.contact) ?? null } : {}),
      ...(phone !== undefined ? { contact_phone: phone } : {}),
    };
    if (Object.keys(set).length === 0) throw new ValidationError({ key: 'unit.nothing_to_change' });
    await trx.updateTable('units').set(set).where('id', '=', unit.id).execute();
    await recordAudit(trx, ctx, {
      action: 'update',
      entity: 'unit',
      entityKey: unit.name,
      detail: { name: newName ?? null, type: type ?? null, parent: change.parent ?? null },
    });
    return newName ?? unit.name;
  });
  return findUnit(ctx.db, final);
}

export type UnitFilter = { type?: string; parent?: string };

export async function listUnits(db: Db, filter: UnitFilter = {}): Promise<Unit[]> {
  let query = unitQuery(db).orderBy('u.name');
  if (filter.type) {
    query = query.where('u.type', '=', unitTypeOf(filter.type));
  }
  if (filter.parent) query = query.where('u.parent_id', '=', (await findUnit(db, filter.parent)).id);
  // Departments first, then 街道 offices, … in the order of the type list.
  const order = codesOf('unit_type');
  return (await query.execute()).map(unitOf).sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
}

import { ConflictError, NotFoundError, ValidationError, type NuanxinError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Tx } from '../context.js';
import { communityIndex } from '../geo/communities.js';
import { whileScrubbing } from '../../db/scrub.js';
import { maskKnownNumbers, maskPhone } from '../privacy.js';
import { normalizeText } from '../text/normalize.js';
import { findLivingWorker, findWorker, type Worker } from './read.js';
import { changedColumns } from './roster-import.js';
import { validPhone, validateWorker, WorkerProblem, type WorkerColumns, type WorkerInput } from './validate.js';

/** A row-level problem (import wording) as the error a single command raises. */
function asError(problem: WorkerProblem): NuanxinError {
  const { key, params } = problem.problem;
  if (key.startsWith('reject.community')) return new NotFoundError({ key, params, hintKey: 'community.not_found.hint' });
  return new ValidationError({ key, params });
}

/** A mobile phone checked as `worker add` checks it, refused with the same error (a prompt checks one answer with it). */
export function checkWorkerPhone(value: string): void {
  try {
    validPhone(value);
  } catch (error) {
    throw error instanceof WorkerProblem ? asError(error) : error;
  }
}

async function validated<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof WorkerProblem ? asError(error) : error;
  }
}

async function assertIdFree(trx: Tx, idNumber: string | null | undefined, workerId?: number): Promise<void> {
  // Stryker disable next-line ConditionalExpression: without an ID number the query below finds no owner either
  if (!idNumber) return;
  const owner = await trx.selectFrom('workers').select(['id', 'phone']).where('id_number', '=', idNumber).executeTakeFirst();
  if (owner && owner.id !== workerId) throw new ConflictError({ key: 'worker.id_taken', params: { phone: maskPhone(owner.phone) ?? '—' } });
}

async function history(trx: Tx, ctx: Ctx, workerId: number, action: string, changes: unknown): Promise<void> {
  await trx
    .insertInto('worker_history')
    .values({
      worker_id: workerId,
      at: ctx.clock.now().toISOString(),
      operator: ctx.actor.operator,
      action,
      import_id: null,
      changes: changes === null ? null : JSON.stringify(changes),
    })
    .execute();
  // The audit trail names the worker by id and the fields changed, never their values.
  const fields = changes === null ? [] : Object.keys(changes as object);
  await recordAudit(trx, ctx, { action, entity: 'worker', entityKey: workerId, detail: fields.length ? { fields } : undefined });
}

export async function addWorker(ctx: Ctx, input: WorkerInput): Promise<Worker> {
  const id = await inTransaction(ctx, async (trx) => {
    const communities = await communityIndex(trx);
    const { phone, columns } = await validated(() => ({
      phone: validPhone(input.phone),
      columns: validateWorker(input, { today: ctx.clock.today(), communities, requireCore: true }),
    }));
    const clash = await trx.selectFrom('workers').select('id').where('phone', '=', phone).executeTakeFirst();
    if (clash) throw new ConflictError({ key: 'worker.exists', params: { phone: maskPhone(phone) ?? '' }, hintKey: 'worker.exists.hint' });
    await assertIdFree(trx, columns.id_number);
    const now = ctx.clock.now().toISOString();
    const row = await trx
      .insertInto('workers')
      .values({ ...columns, phone, name: columns.name!, occupation: columns.occupation!, registered_on: ctx.clock.today(), import_id: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await history(trx, ctx, row.id, 'create', null);
    return row.id;
  });
  return findWorker(ctx.db, `#${id}`);
}

export async function updateWorker(ctx: Ctx, key: string, input: WorkerInput & { newPhone?: string }): Promise<Worker> {
  const id = await inTransaction(ctx, async (trx) => {
    const worker = await findLivingWorker(trx, key);
    const communities = await communityIndex(trx);
    const columns: WorkerColumns & { phone?: string } = await validated(() => validateWorker(input, { today: ctx.clock.today(), communities }));
    if (input.newPhone !== undefined) {
      const phone = await validated(() => validPhone(input.newPhone));
      const clash = await trx.selectFrom('workers').select('id').where('phone', '=', phone).where('id', '!=', worker.id).executeTakeFirst();
      if (clash) throw new ConflictError({ key: 'worker.exists', params: { phone: maskPhone(phone) ?? '' }, hintKey: 'worker.exists.hint' });
      columns.phone = phone;
    }
    await assertIdFree(trx, columns.id_number, worker.id);
    const current = await trx.selectFrom('workers').selectAll().where('id', '=', worker.id).executeTakeFirstOrThrow();
    const changes = changedColumns(current, columns);
    if (changes.phone) changes.phone = [maskPhone(changes.phone[0] as string), maskPhone(changes.phone[1] as string)];
    const keys = Object.keys(changes);
    if (keys.length === 0) return worker.id;
    const set = Object.fromEntries(keys.map((k) => [k, (columns as Record<string, unknown>)[k]]));
    await trx
      .updateTable('workers')
      .set({ ...set, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', worker.id)
      .execute();
    await history(trx, ctx, worker.id, 'update', changes);
    return worker.id;
  });
  return findWorker(ctx.db, `#${id}`);
}

export async function setWorkerActive(ctx: Ctx, key: string, active: boolean, reason?: string): Promise<Worker> {
  const why = normalizeText(reason);
  if (!active && !why) throw new ValidationError({ key: 'invalid.required', params: { field: 'reason' } });
  const id = await inTransaction(ctx, async (trx) => {
    const worker = await findLivingWorker(trx, key);
    if (worker.active === active) {
      throw new ConflictError({ key: active ? 'worker.already_active' : 'worker.already_inactive', params: { phone: maskPhone(worker.phone) ?? key } });
    }
    await trx
      .updateTable('workers')
      .set({ active: active ? 1 : 0, deactivated_on: active ? null : ctx.clock.today(), deactivated_reason: active ? null : why, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', worker.id)
      .execute();
    await history(trx, ctx, worker.id, active ? 'reactivate' : 'deactivate', { active: [!active, active], ...(why ? { reason: [null, why] } : {}) });
    return worker.id;
  });
  return findWorker(ctx.db, `#${id}`);
}

export const PURGED_NAME = '(已清除)';

/**
 * Removes a worker's personal data on request (PIPL art. 47). The row stays,
 * anonymous (occupation, platform, community, dates), so counts and ledger
 * totals still add up; history values are scrubbed; secure_delete overwrites
 * the freed pages.
 */
export async function purgeWorker(ctx: Ctx, key: string, reason: string): Promise<{ id: number }> {
  const why = normalizeText(reason);
  if (!why) throw new ValidationError({ key: 'invalid.required', params: { field: 'reason' } });
  return inTransaction(ctx, async (trx) => {
    const worker = await findLivingWorker(trx, key);
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable('workers')
      .set({
        phone: null,
        id_number: null,
        name: PURGED_NAME,
        gender: null,
        site: null,
        note: null,
        active: 0,
        deactivated_on: worker.deactivatedOn ?? ctx.clock.today(),
        deactivated_reason: 'purged',
        purged_at: now,
        updated_at: now,
      })
      .where('id', '=', worker.id)
      .execute();
    // Every number the worker has had (a changed phone is in the history): removed wherever it was typed.
    const identity = await numbersOf(trx, worker);
    await trx.updateTable('worker_history').set({ changes: null }).where('worker_id', '=', worker.id).execute();
    await scrubFreeText(trx, worker.id, identity);
    await whileScrubbing(trx, () => scrubAppendOnly(trx, worker.id, identity));
    await scrubAudit(trx, identity);
    await trx.updateTable('childcare_enrolments').set({ child_name: PURGED_NAME }).where('worker_id', '=', worker.id).execute();
    await trx.insertInto('worker_history').values({ worker_id: worker.id, at: now, operator: ctx.actor.operator, action: 'purge', import_id: null, changes: null }).execute();
    await recordAudit(trx, ctx, { action: 'purge', entity: 'worker', entityKey: worker.id, detail: { reason: maskKnownNumbers(why, identity) } });
    return { id: worker.id };
  });
}

/**
 * The worker's records that hold text a clerk typed: a phone or ID number
 * written there is personal data too. (The append-only ledgers and timelines
 * keep theirs, masked on every output; see render.ts.)
 */
const FREE_TEXT = [
  { table: 'wishes', columns: ['title', 'detail', 'evidence'] },
  { table: 'housing_applications', columns: ['note', 'reason', 'address'] },
  { table: 'disputes', columns: ['summary', 'outcome', 'employer'] },
  { table: 'care_visits', columns: ['note'] },
  { table: 'opinions', columns: ['text', 'note'] },
] as const;

async function scrubFreeText(trx: Tx, workerId: number, identity: string[]): Promise<void> {
  for (const { table, columns } of FREE_TEXT) {
    const rows = (await trx
      .selectFrom(table)
      .select(['id', ...columns] as never[])
      .where('worker_id', '=', workerId)
      .execute()) as Record<string, unknown>[];
    for (const row of rows) {
      const changes = Object.fromEntries(
        columns.filter((c) => typeof row[c] === 'string' && maskKnownNumbers(row[c] as string, identity) !== row[c]).map((c) => [c, maskKnownNumbers(row[c] as string, identity)]),
      );
      if (Object.keys(changes).length > 0)
        await trx
          .updateTable(table)
          .set(changes as never)
          .where('id', '=', row.id as number)
          .execute();
    }
  }
}

/** The same for the append-only ledger and timelines, whose free text only a purge may change (see whileScrubbing). */
async function scrubAppendOnly(trx: Tx, workerId: number, identity: string[]): Promise<void> {
  const entries = await trx.selectFrom('point_entries').select(['id', 'note', 'reason', 'ref', 'dedupe_key']).where('worker_id', '=', workerId).execute();
  for (const e of entries) await scrubRow(trx, 'point_entries', e.id, { note: e.note, reason: e.reason, ref: e.ref, dedupe_key: e.dedupe_key }, identity);
  const wishEvents = await trx
    .selectFrom('wish_events as e')
    .innerJoin('wishes as w', 'w.id', 'e.wish_id')
    .select(['e.id', 'e.note'])
    .where('w.worker_id', '=', workerId)
    .execute();
  for (const e of wishEvents) await scrubRow(trx, 'wish_events', e.id, { note: e.note }, identity);
  for (const [caseType, table] of [
    ['housing', 'housing_applications'],
    ['dispute', 'disputes'],
  ] as const) {
    const events = await trx
      .selectFrom('case_events as e')
      .select(['e.id', 'e.note'])
      .where('e.case_type', '=', caseType)
      .where('e.case_id', 'in', trx.selectFrom(table).select('id').where('worker_id', '=', workerId))
      .execute();
    for (const e of events) await scrubRow(trx, 'case_events', e.id, { note: e.note }, identity);
  }
}

async function scrubRow(trx: Tx, table: 'point_entries' | 'wish_events' | 'case_events', id: number, texts: Record<string, string | null>, identity: string[]): Promise<void> {
  const changes = Object.fromEntries(
    Object.entries(texts)
      .filter(([, v]) => v !== null && maskKnownNumbers(v, identity) !== v)
      .map(([k, v]) => [k, maskKnownNumbers(v!, identity)]),
  );
  if (Object.keys(changes).length > 0)
    await trx
      .updateTable(table)
      .set(changes as never)
      .where('id', '=', id)
      .execute();
}

/** Audit details and reveal reasons that quote one of the worker's numbers (a wish title, a reason typed). */
async function scrubAudit(trx: Tx, identity: string[]): Promise<void> {
  for (const value of identity) {
    const audits = await trx.selectFrom('audit_log').select(['id', 'detail']).where('detail', 'like', `%${value}%`).execute();
    for (const row of audits)
      await trx
        .updateTable('audit_log')
        .set({ detail: maskKnownNumbers(row.detail!, [value]) })
        .where('id', '=', row.id)
        .execute();
    const reveals = await trx.selectFrom('access_log').select(['id', 'reason']).where('reason', 'like', `%${value}%`).execute();
    for (const row of reveals)
      await trx
        .updateTable('access_log')
        .set({ reason: maskKnownNumbers(row.reason, [value]) })
        .where('id', '=', row.id)
        .execute();
  }
}

/** The worker's phone and ID number now, and any phone or ID number it had before (from its history). */
async function numbersOf(trx: Tx, worker: Worker): Promise<string[]> {
  const numbers = new Set([worker.phone, worker.idNumber].filter((v): v is string => Boolean(v)));
  const history = await trx.selectFrom('worker_history').select('changes').where('worker_id', '=', worker.id).where('changes', 'is not', null).execute();
  for (const { changes } of history) {
    try {
      const parsed = JSON.parse(changes!) as Record<string, unknown>;
      for (const field of ['phone', 'id_number']) {
        const pair = parsed[field];
        // Stryker disable next-line ConditionalExpression,Regex: history holds whole numbers or masked ones, and a masked one masks to itself
        if (Array.isArray(pair)) for (const v of pair) if (typeof v === 'string' && /^\d{7,}[\dX]?$/.test(v)) numbers.add(v);
      }
    } catch {
      // Not JSON: nothing to learn from it.
    }
  }
  return [...numbers];
}

/** Every reveal of personal data is logged: who saw which fields of whom, and why. */
export async function logReveal(ctx: Ctx, workerIds: number[], fields: string[], reason: string): Promise<void> {
  const why = normalizeText(reason);
  if (!why) throw new ValidationError({ key: 'reveal.needs_reason' });
  await inTransaction(ctx, async (trx) => {
    const at = ctx.clock.now().toISOString();
    for (let i = 0; i < workerIds.length; i += 500) {
      await trx
        .insertInto('access_log')
        .values(workerIds.slice(i, i + 500).map((id) => ({ at, operator: ctx.actor.operator, worker_id: id, fields: fields.join(','), reason: why, command: ctx.actor.command })))
        .execute();
    }
  });
}

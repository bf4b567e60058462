import { wholeNumber } from '../text/numbers.js';
import { sql, type SqlBool, type Updateable } from 'kysely';
import type { DisputesTable, HousingApplicationsTable } from '../../db/schema.js';
import { ConflictError, NotFoundError, UsageError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { daysBetween } from '../clock.js';
import { inTransaction, type Ctx, type Db, type Tx } from '../context.js';
import { resolveCommunity } from '../geo/communities.js';
import { happenedDate } from '../text/dates.js';
import { optionalYuan } from '../text/money.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { acceptedTerms, parseTerm } from '../vocabulary.js';
import { parseMobile } from '../workers/fields.js';
import { findWorker } from '../workers/read.js';

type CaseType = 'housing' | 'dispute';

/** Allowed moves of each kind of case; anything else is refused (exit 4), naming what is allowed. */
export const HOUSING_MOVES: Record<string, string[]> = {
  applied: ['eligible', 'ineligible', 'withdrawn'],
  eligible: ['allocated', 'withdrawn'],
  ineligible: [],
  allocated: [],
  withdrawn: [],
};

export const DISPUTE_MOVES: Record<string, string[]> = {
  open: ['mediating', 'referred', 'resolved', 'closed'],
  mediating: ['referred', 'resolved', 'closed'],
  referred: ['mediating', 'resolved', 'closed'],
  resolved: ['closed'],
  closed: [],
};

async function caseEvent(trx: Tx, ctx: Ctx, type: CaseType, id: number, from: string | null, to: string, note?: string | null, on?: string): Promise<void> {
  await trx
    .insertInto('case_events')
    .values({
      case_type: type,
      case_id: id,
      business_date: on ?? ctx.clock.today(),
      at: ctx.clock.now().toISOString(),
      operator: ctx.actor.operator,
      from_status: from,
      to_status: to,
      note: note ?? null,
    })
    .execute();
  await recordAudit(trx, ctx, { action: to, entity: type, entityKey: id, detail: { from } });
}

function checkMove(type: CaseType, id: number, moves: Record<string, string[]>, from: string, to: string): void {
  // Stryker disable next-line ArrayDeclaration: the table's CHECK keeps every status a key of moves
  if (!(moves[from] ?? []).includes(to)) {
    const states = `${type}_status`;
    throw new ConflictError({
      key: 'case.bad_move',
      // Stryker disable next-line ArrayDeclaration: as above
      params: { type, id, status: from, to, allowed: (moves[from] ?? []).join(',') },
      terms: { type: 'case_type', status: states, to: states, allowed: states },
    });
  }
}

// ---- housing

export type HousingCase = {
  id: number;
  workerId: number;
  worker: string;
  phone: string | null;
  household: number | null;
  status: string;
  reason: string | null;
  address: string | null;
  appliedOn: string;
  updatedOn: string;
  note: string | null;
};

export async function listHousing(db: Db, filter: { id?: number; status?: string; workerId?: number }): Promise<HousingCase[]> {
  let q = db
    .selectFrom('housing_applications as h')
    .innerJoin('workers as w', 'w.id', 'h.worker_id')
    .select([
      'h.id',
      'h.worker_id as workerId',
      'w.name as worker',
      'w.phone',
      'h.household',
      'h.status',
      'h.reason',
      'h.address',
      'h.applied_on as appliedOn',
      'h.updated_on as updatedOn',
      'h.note',
    ])
    .orderBy('h.id');
  if (filter.id !== undefined) q = q.where('h.id', '=', filter.id);
  if (filter.status) q = q.where('h.status', '=', filter.status);
  if (filter.workerId !== undefined) q = q.where('h.worker_id', '=', filter.workerId);
  return q.execute();
}

async function housing(db: Db, id: number): Promise<HousingCase> {
  const [found] = await listHousing(db, { id });
  if (!found) throw new NotFoundError({ key: 'housing.not_found', params: { id }, hintKey: 'housing.not_found.hint' });
  return found;
}

export async function applyHousing(ctx: Ctx, input: { worker: string; household?: number; note?: string }): Promise<HousingCase> {
  if (input.household !== undefined) wholeNumber(input.household, 'household');
  const id = await inTransaction(ctx, async (trx) => {
    const worker = await findWorker(trx, input.worker);
    const open = await trx.selectFrom('housing_applications').select('id').where('worker_id', '=', worker.id).where('status', 'in', ['applied', 'eligible']).executeTakeFirst();
    if (open) throw new ConflictError({ key: 'housing.open_application', params: { id: open.id } });
    const today = ctx.clock.today();
    const row = await trx
      .insertInto('housing_applications')
      .values({
        worker_id: worker.id,
        household: input.household ?? null,
        note: optionalText(input.note) ?? null,
        status: 'applied',
        reason: null,
        address: null,
        applied_on: today,
        updated_on: today,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await caseEvent(trx, ctx, 'housing', row.id, null, 'applied');
    return row.id;
  });
  return housing(ctx.db, id);
}

/** eligible / ineligible (reason required) / allocated (address required) / withdrawn. */
export async function moveHousing(ctx: Ctx, id: number, to: string, input: { reason?: string; address?: string }): Promise<HousingCase> {
  const reason = optionalText(input.reason);
  const address = optionalText(input.address);
  if (to === 'ineligible' && !reason) throw new ValidationError({ key: 'invalid.required', params: { field: 'reason' } });
  if (to === 'allocated' && !address) throw new ValidationError({ key: 'invalid.required', params: { field: 'address' } });
  await inTransaction(ctx, async (trx) => {
    const current = await housing(trx, id);
    checkMove('housing', id, HOUSING_MOVES, current.status, to);
    const set: Updateable<HousingApplicationsTable> = { status: to, updated_on: ctx.clock.today() };
    // Stryker disable next-line ConditionalExpression: equivalent — kysely's set() leaves out an undefined value
    if (reason) set.reason = reason;
    // Stryker disable next-line ConditionalExpression: as above
    if (address) set.address = address;
    await trx.updateTable('housing_applications').set(set).where('id', '=', id).execute();
    await caseEvent(trx, ctx, 'housing', id, current.status, to, reason ?? address);
  });
  return housing(ctx.db, id);
}

// ---- disputes

export type DisputeCase = {
  id: number;
  /** The worker on the roster, or null for a caller who is not (yet) on it. */
  workerId: number | null;
  worker: string | null;
  phone: string | null;
  onRoster: boolean;
  /** The name a caller gave (kept when the case is linked to the worker later). */
  caller: string | null;
  community: string | null;
  type: string;
  via: string;
  employer: string | null;
  amountFen: number | null;
  summary: string | null;
  status: string;
  outcome: string | null;
  recoveredFen: number | null;
  openedOn: string;
  resolvedOn: string | null;
  daysOpen: number;
  daysToResolve: number | null;
};

export async function listDisputes(db: Db, filter: { id?: number; status?: string; workerId?: number; openLongerThan?: number }, today: string): Promise<DisputeCase[]> {
  let q = db
    .selectFrom('disputes as d')
    .leftJoin('workers as w', 'w.id', 'd.worker_id')
    .leftJoin('communities as c', (join) => join.on(sql<SqlBool>`c.id = coalesce(d.community_id, w.community_id)`))
    .select([
      'd.id',
      'd.worker_id as workerId',
      'w.name as worker',
      'w.phone',
      'd.caller_name',
      'd.caller_phone',
      'c.name as community',
      'd.type',
      'd.via',
      'd.employer',
      'd.amount_fen',
      'd.summary',
      'd.status',
      'd.outcome',
      'd.recovered_fen',
      'd.opened_on',
      'd.resolved_on',
    ])
    .orderBy('d.id');
  if (filter.id !== undefined) q = q.where('d.id', '=', filter.id);
  if (filter.status) q = q.where('d.status', '=', filter.status);
  if (filter.workerId !== undefined) q = q.where('d.worker_id', '=', filter.workerId);
  const rows = (await q.execute()).map((r) => ({
    id: r.id,
    workerId: r.workerId,
    worker: r.worker ?? r.caller_name,
    phone: r.phone ?? r.caller_phone,
    onRoster: r.workerId !== null,
    caller: r.caller_name,
    community: r.community,
    type: r.type,
    via: r.via,
    employer: r.employer,
    amountFen: r.amount_fen,
    summary: r.summary,
    status: r.status,
    outcome: r.outcome,
    recoveredFen: r.recovered_fen,
    openedOn: r.opened_on,
    resolvedOn: r.resolved_on,
    daysOpen: daysBetween(r.opened_on, r.resolved_on ?? today),
    daysToResolve: r.resolved_on ? daysBetween(r.opened_on, r.resolved_on) : null,
  }));
  // Stryker disable next-line ConditionalExpression,StringLiteral: a closed case has its resolved day (updateDispute sets it); the status check is for rows older than that rule
  return filter.openLongerThan === undefined ? rows : rows.filter((d) => !d.resolvedOn && d.status !== 'closed' && d.daysOpen > filter.openLongerThan!);
}

async function dispute(db: Db, id: number, today: string): Promise<DisputeCase> {
  const [found] = await listDisputes(db, { id }, today);
  if (!found) throw new NotFoundError({ key: 'dispute.not_found', params: { id }, hintKey: 'dispute.not_found.hint' });
  return found;
}

export type DisputeInput = {
  worker?: string;
  caller?: string;
  phone?: string;
  community?: string;
  type: string;
  via: string;
  employer?: string;
  amount?: string;
  summary?: string;
  date?: string;
};

/** A caller's phone: a mobile is checked and, when on the roster, is that worker; a landline is kept as typed. */
function callerPhone(value: string | undefined): string | null {
  const text = optionalText(value)?.replace(/[\s-]/g, '');
  if (text === undefined) return null;
  const mobile = parseMobile(text);
  if (mobile.ok) return mobile.phone;
  if (!/^0\d{9,11}$/.test(text)) throw new ValidationError({ key: 'invalid.phone', params: { field: 'phone', value: text } });
  return text;
}

/**
 * Opens a case: for a worker on the roster (`worker`), or for a hotline or walk-in caller who is not
 * (name and phone optional, masked like anyone's; a caller's mobile that is on the roster links the
 * case to that worker). `date` records a past call.
 */
export async function openDispute(ctx: Ctx, input: DisputeInput): Promise<DisputeCase> {
  const type = parseTerm('dispute_type', input.type);
  if (!type) throw new ValidationError({ key: 'dispute.bad_type', params: { value: input.type, accepted: acceptedTerms('dispute_type') } });
  const via = parseTerm('dispute_channel', input.via);
  if (!via) throw new ValidationError({ key: 'dispute.bad_via', params: { value: input.via, accepted: acceptedTerms('dispute_channel') } });
  if (optionalText(input.worker) && (optionalText(input.caller) || optionalText(input.phone))) throw new UsageError({ key: 'dispute.worker_or_caller' });
  const amount = optionalYuan(input.amount, 'amount') ?? null;
  const openedOn = happenedDate(input.date, 'date', ctx.clock.today());
  const phone = callerPhone(input.phone);
  const id = await inTransaction(ctx, async (trx) => {
    const worker = optionalText(input.worker)
      ? await findWorker(trx, input.worker!)
      : phone
        ? await trx.selectFrom('workers').select('id').where('phone', '=', phone).where('purged_at', 'is', null).executeTakeFirst()
        : undefined;
    const community = optionalText(input.community) ? (await resolveCommunity(trx, ctx, input.community!)).id : null;
    const row = await trx
      .insertInto('disputes')
      .values({
        worker_id: worker?.id ?? null,
        // What a caller said is kept, even when their mobile is a worker's on the roster.
        caller_name: optionalText(input.caller) ?? null,
        caller_phone: optionalText(input.worker) ? null : phone,
        community_id: community,
        type,
        via,
        employer: optionalText(input.employer) ?? null,
        amount_fen: amount,
        summary: optionalText(input.summary) ?? null,
        status: 'open',
        outcome: null,
        recovered_fen: null,
        opened_on: openedOn,
        resolved_on: null,
        updated_on: openedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await caseEvent(trx, ctx, 'dispute', row.id, null, 'open', null, openedOn);
    return row.id;
  });
  return dispute(ctx.db, id, ctx.clock.today());
}

/**
 * Links a caller's case to the worker, once they are on the roster, or corrects a link made to the
 * wrong worker (the audit keeps which it was). What the caller said stays on the case.
 */
export async function linkDispute(ctx: Ctx, id: number, workerKey: string): Promise<DisputeCase> {
  await inTransaction(ctx, async (trx) => {
    const current = await dispute(trx, id, ctx.clock.today());
    const worker = await findWorker(trx, workerKey);
    if (current.workerId === worker.id) return;
    await trx.updateTable('disputes').set({ worker_id: worker.id }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'link', entity: 'dispute', entityKey: id, detail: { worker: worker.id, previous_worker: current.workerId } });
  });
  return dispute(ctx.db, id, ctx.clock.today());
}

export async function updateDispute(ctx: Ctx, id: number, input: { status: string; outcome?: string; recovered?: string }): Promise<DisputeCase> {
  const recovered = optionalYuan(input.recovered, 'recovered');
  await inTransaction(ctx, async (trx) => {
    const current = await dispute(trx, id, ctx.clock.today());
    checkMove('dispute', id, DISPUTE_MOVES, current.status, input.status);
    const set: Updateable<DisputesTable> = { status: input.status, updated_on: ctx.clock.today() };
    if (optionalText(input.outcome)) set.outcome = normalizeText(input.outcome);
    // Stryker disable next-line ConditionalExpression: equivalent — kysely's set() leaves out an undefined value
    if (recovered !== undefined) set.recovered_fen = recovered;
    if ((input.status === 'resolved' || input.status === 'closed') && !current.resolvedOn) set.resolved_on = ctx.clock.today();
    await trx.updateTable('disputes').set(set).where('id', '=', id).execute();
    await caseEvent(trx, ctx, 'dispute', id, current.status, input.status, optionalText(input.outcome));
  });
  return dispute(ctx.db, id, ctx.clock.today());
}

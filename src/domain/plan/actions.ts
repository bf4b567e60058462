// Who owns each of the ten actions in a year: one lead unit (牵头单位) and any responsible units
// (责任单位). An assignment states the year's owners as a whole: `action assign` replaces the
// action's owners for that year, and the audit trail keeps what they were before.
import { ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db } from '../context.js';
import { findUnit } from '../units/units.js';
import { acceptedTerms, codesOf, parseTerm } from '../vocabulary.js';

export const ACTION_KEYS = codesOf('action');

/** `1`…`10`, a key (`stations`) or its Chinese name (爱心驿站) → the action's key. */
export function parseAction(value: string): string {
  const text = value.trim();
  const byNumber = /^\d{1,2}$/.test(text) ? ACTION_KEYS[Number(text) - 1] : undefined;
  const key = byNumber ?? parseTerm('action', text);
  if (!key) throw new ValidationError({ key: 'action.unknown', params: { value, accepted: acceptedTerms('action') } });
  return key;
}

/** The action's number in the plan (1–10). */
export function actionNo(key: string): number {
  return ACTION_KEYS.indexOf(key) + 1;
}

export function parseYear(value: string | number, today: string): number {
  const year = Number(value);
  const now = Number(today.slice(0, 4));
  // The plan is written for this year and the next few; older years are kept for the record.
  if (!/^\d{4}$/.test(String(value).trim()) || year < 2000 || year > now + 5) throw new ValidationError({ key: 'plan.bad_year', params: { value, max: now + 5 } });
  return year;
}

export type ActionOwners = { no: number; action: string; year: number; lead: string | null; responsible: string[] };

export async function assignAction(ctx: Ctx, input: { action: string; year: string | number; lead: string; responsible?: string[] }): Promise<ActionOwners> {
  const action = parseAction(input.action);
  const year = parseYear(input.year, ctx.clock.today());
  const responsible = [
    ...new Set(
      (input.responsible ?? [])
        .flatMap((r) => r.split(/[,，、]/))
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
  await inTransaction(ctx, async (trx) => {
    const lead = await findUnit(trx, input.lead);
    const others = [];
    for (const name of responsible) {
      const unit = await findUnit(trx, name);
      if (unit.id === lead.id) throw new ValidationError({ key: 'action.lead_also_responsible', params: { name: unit.name } });
      others.push(unit);
    }
    const before = await ownersOf(trx, action, year);
    await trx.deleteFrom('action_owners').where('action', '=', action).where('year', '=', year).execute();
    const at = ctx.clock.now().toISOString();
    await trx
      .insertInto('action_owners')
      .values([
        { action, year, unit_id: lead.id, role: 'lead' as const, created_at: at },
        ...others.map((u) => ({ action, year, unit_id: u.id, role: 'responsible' as const, created_at: at })),
      ])
      .execute();
    await recordAudit(trx, ctx, {
      action: 'assign',
      entity: 'action_owner',
      entityKey: `${year}/${actionNo(action)}`,
      detail: { lead: lead.name, responsible: others.map((u) => u.name), previous_lead: before.lead, previous_responsible: before.responsible },
    });
  });
  return ownersOf(ctx.db, action, year);
}

async function ownersOf(db: Db, action: string, year: number): Promise<ActionOwners> {
  return (await listActionOwners(db, year)).find((a) => a.action === action)!;
}

/** The ten actions with their owners in `year` (an action nobody owns yet has lead null). */
export async function listActionOwners(db: Db, year: number): Promise<ActionOwners[]> {
  const rows = await db
    .selectFrom('action_owners as o')
    .innerJoin('units as u', 'u.id', 'o.unit_id')
    .select(['o.action', 'o.role', 'u.name'])
    .where('o.year', '=', year)
    .orderBy('o.id')
    .execute();
  return ACTION_KEYS.map((action, i) => {
    const mine = rows.filter((r) => r.action === action);
    // Stryker disable next-line ConditionalExpression: assignAction writes the lead first, so the first row is the lead anyway
    return { no: i + 1, action, year, lead: mine.find((r) => r.role === 'lead')?.name ?? null, responsible: mine.filter((r) => r.role === 'responsible').map((r) => r.name) };
  });
}

import type { Kysely } from 'kysely';
import { isPostgres } from '../../migrations/helpers.js';
import type { DB } from '../db/schema.js';
import type { Ctx, Tx } from './context.js';

export type AuditEntry = {
  id: number;
  at: string;
  operator: string;
  command: string;
  action: string;
  entity: string;
  entityKey: string;
  detail: unknown;
};

/** Records one write in the audit trail, inside the caller's transaction. */
export async function recordAudit(
  trx: Tx,
  ctx: Pick<Ctx, 'actor' | 'clock'>,
  entry: { action: string; entity: string; entityKey: string | number; detail?: unknown; cityWide?: boolean },
): Promise<void> {
  // A city-wide line (a city account) belongs to no district: on a server only the owner and the city read it.
  const district = (entry.cityWide && isPostgres(trx) ? { district_id: null } : {}) as Record<string, never>;
  await trx
    .insertInto('audit_log')
    .values({
      ...district,
      at: ctx.clock.now().toISOString(),
      operator: ctx.actor.operator,
      command: ctx.actor.command,
      action: entry.action,
      entity: entry.entity,
      entity_key: String(entry.entityKey),
      // Stryker disable next-line ConditionalExpression: JSON.stringify(undefined) is undefined, which is stored as null too
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    })
    .execute();
}

/** The trail, oldest first; `since` is a date (inclusive, UTC instants compared by prefix). */
export async function listAudit(db: Kysely<DB>, filter: { since?: string; entity?: string; entityKey?: string; limit?: number }): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id');
  if (filter.since) query = query.where('at', '>=', filter.since);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityKey) query = query.where('entity_key', '=', filter.entityKey);
  if (filter.limit) query = query.limit(filter.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    operator: r.operator,
    command: r.command,
    action: r.action,
    entity: r.entity,
    entityKey: r.entity_key,
    detail: r.detail ? JSON.parse(r.detail) : null,
  }));
}

export type AccessEntry = { id: number; at: string; operator: string; workerId: number | null; fields: string; reason: string; command: string };

/** Reveals of personal data (who saw whose phone or ID number, and why). */
export async function listAccess(db: Kysely<DB>, filter: { since?: string }): Promise<AccessEntry[]> {
  let query = db.selectFrom('access_log').selectAll().orderBy('id');
  if (filter.since) query = query.where('at', '>=', filter.since);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, at: r.at, operator: r.operator, workerId: r.worker_id, fields: r.fields, reason: r.reason, command: r.command }));
}

import type { WorkerRow, WorkerStore } from '../../db/worker-store.js';
import { RowRejection } from '../../import/parse-records.js';
import type { ImportPlan } from '../../import/runner.js';
import type { Ctx, Tx } from '../context.js';
import { communityIndex } from '../geo/communities.js';
import { maskIdNumber, maskPhone } from '../privacy.js';
import type { RosterRow } from './roster-parse.js';
import type { WorkerColumns } from './validate.js';

export type RosterOptions = {
  blankClears?: boolean;
  /** Deactivate active workers in this scope that the file does not list. */
  deactivateMissing?: { platform?: string; community?: string };
};

/** Field → [old, new] for the fields that differ; ID numbers masked (history outlives a purge otherwise). */
export function changedColumns(existing: WorkerRow, columns: WorkerColumns): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(columns)) {
    const old = (existing as Record<string, unknown>)[key] ?? null;
    if (old !== (value ?? null)) changes[key] = key === 'id_number' ? [maskIdNumber(old as string), maskIdNumber(value as string)] : [old, value ?? null];
  }
  return changes;
}

/**
 * The roster import: one record per worker keyed by the normalised phone.
 * New phone → insert; known phone → only the given, changed fields are
 * updated, old → new kept in the worker's history; identical → unchanged.
 */
export function rosterImportPlan(ctx: Ctx, store: WorkerStore, options: RosterOptions = {}): ImportPlan<RosterRow> & { deactivated(): number } {
  const today = ctx.clock.today();
  const now = ctx.clock.now().toISOString();
  // Phones the file lists, only needed (and only kept) for --deactivate-missing.
  const listed = options.deactivateMissing ? new Set<string>() : undefined;
  let deactivated = 0;
  return {
    kind: 'workers',
    apply(_trx, { phone, columns }, importId) {
      listed?.add(phone);
      const idOwner = columns.id_number ? store.idOwner(columns.id_number) : undefined;
      if (!idOwner && store.insertIfNew(phone, columns, { registered_on: today, import_id: importId, at: now }) !== undefined) return 'inserted';
      const existing = store.byPhone(phone);
      if (idOwner && idOwner.id !== existing?.id) throw new RowRejection({ key: 'reject.id_taken', params: { phone: maskPhone(idOwner.phone) ?? '—' } });
      if (!existing) {
        store.insert({ ...columns, phone, name: columns.name!, occupation: columns.occupation!, registered_on: today, import_id: importId, created_at: now, updated_at: now });
        return 'inserted';
      }
      const changes = changedColumns(existing, columns);
      const keys = Object.keys(changes);
      if (keys.length === 0) return 'unchanged';
      store.update(existing.id, Object.fromEntries(keys.map((k) => [k, (columns as Record<string, unknown>)[k]])) as WorkerColumns, now);
      store.addHistory({ workerId: existing.id, at: now, operator: ctx.actor.operator, action: 'import', importId, changes: JSON.stringify(changes) });
      return 'updated';
    },
    async end(trx: Tx, importId: number) {
      const scope = options.deactivateMissing;
      if (!scope || !listed) return;
      const communities = await communityIndex(trx);
      let query = trx.selectFrom('workers').select(['id', 'phone']).where('active', '=', 1).where('phone', 'is not', null);
      if (scope.platform) query = query.where('platform', '=', scope.platform);
      if (scope.community) query = query.where('community_id', '=', communities.get(scope.community) ?? -1);
      const missing = (await query.execute()).filter((w) => !listed.has(w.phone!));
      for (const worker of missing) {
        await trx
          .updateTable('workers')
          .set({ active: 0, deactivated_on: today, deactivated_reason: `missing from import #${importId}`, updated_at: now })
          .where('id', '=', worker.id)
          .execute();
        store.addHistory({ workerId: worker.id, at: now, operator: ctx.actor.operator, action: 'deactivate', importId, changes: JSON.stringify({ active: [1, 0] }) });
      }
      deactivated = missing.length;
    },
    deactivated: () => deactivated,
  };
}

import type { WorkerRow, WorkerStore } from '../../db/worker-store.js';
import { RowRejection } from '../../import/parse-records.js';
import { runImport, type ImportOptions, type ImportPlan, type ImportReport } from '../imports/run.js';
import type { FileMeta, ParsedBatch } from '../../import/records.js';
import { ConflictError } from '../../errors.js';
import type { Ctx, Tx } from '../context.js';
import { communityIndex } from '../geo/communities.js';
import { maskIdNumber, maskPhone } from '../privacy.js';
import type { RosterRow } from './roster-parse.js';
import type { WorkerColumns } from './validate.js';

export type RosterOptions = {
  blankClears?: boolean;
  /** Deactivate active workers in this scope that the file does not list. */
  deactivateMissing?: { platform?: string; community?: string; force?: boolean; dryRun?: boolean };
};

/** More than this share of a scope missing from one file is more likely a wrong file than a real change. */
export const DEACTIVATE_SHARE_LIMIT = 0.2;

/** Who would be (or was) deactivated: masked, for the clerk to check. */
export type Deactivation = { name: string; phone: string | null };

/** Field → [old, new] for the fields that differ; ID numbers masked (history outlives a purge otherwise). */
export function changedColumns(existing: WorkerRow, columns: WorkerColumns): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(columns)) {
    const old = (existing as Record<string, unknown>)[key] ?? null;
    if (old !== (value ?? null)) changes[key] = key === 'id_number' ? [maskIdNumber(old as string), maskIdNumber(value as string)] : [old, value ?? null];
  }
  return changes;
}

/** A roster file's parsed rows written as one import (see runImport): the roster import as a domain service. */
export function importRoster(
  ctx: Ctx,
  storeFor: (trx: Tx) => WorkerStore,
  file: FileMeta,
  batches: AsyncIterable<ParsedBatch<RosterRow>>,
  options: RosterOptions & ImportOptions,
): Promise<ImportReport> {
  const plan = rosterImportPlan(ctx, storeFor, options);
  return runImport(ctx, file, batches, plan, options).then((report) => {
    if (!options.deactivateMissing) return report;
    const counted = report.written || report.dryRun;
    return { ...report, extra: { deactivated: counted ? plan.deactivated() : 0 }, deactivate: counted ? plan.deactivatedWorkers() : [], refusal: plan.refusal() };
  });
}

/**
 * The roster import: one record per worker keyed by the normalised phone.
 * New phone → insert; known phone → only the given, changed fields are
 * updated, old → new kept in the worker's history; identical → unchanged.
 */
export function rosterImportPlan(
  ctx: Ctx,
  storeFor: (trx: Tx) => WorkerStore,
  options: RosterOptions = {},
): ImportPlan<RosterRow> & { deactivated(): number; deactivatedWorkers(): Deactivation[]; refusal(): ConflictError | undefined } {
  const today = ctx.clock.today();
  const now = ctx.clock.now().toISOString();
  // Phones the file lists, only needed (and only kept) for --deactivate-missing.
  const listed = options.deactivateMissing ? new Set<string>() : undefined;
  let deactivated = 0;
  let deactivatedList: Deactivation[] = [];
  let refusal: ConflictError | undefined;
  // Bound to the import's transaction when it begins.
  let store!: WorkerStore;
  return {
    kind: 'workers',
    // Stryker disable next-line ArrayDeclaration,StringLiteral: locked on PostgreSQL only (SQLite's write lock is the whole file)
    tables: ['workers', 'worker_history'],
    begin(trx) {
      store = storeFor(trx);
    },
    // Stryker disable BlockStatement,ArrowFunction,ObjectLiteral,LogicalOperator: PostgreSQL's store only (SQLite's answers each row as it comes); npm test runs it there
    async beforeBatch(_trx, rows) {
      await store.prefetch(rows.map((r) => ({ phone: r.phone, idNumber: r.columns.id_number ?? null })));
    },
    async afterBatch() {
      await store.flush();
    },
    // Stryker restore BlockStatement,ArrowFunction,ObjectLiteral,LogicalOperator
    apply(_trx, { phone, columns }, importId) {
      listed?.add(phone);
      const idOwner = columns.id_number ? store.idOwner(columns.id_number) : undefined;
      if (!idOwner && store.insertIfNew(phone, columns, { registered_on: today, import_id: importId, at: now })) return 'inserted';
      const found = store.byPhone(phone);
      if (idOwner && idOwner.id !== found?.id) throw new RowRejection({ key: 'reject.id_taken', params: { phone: maskPhone(idOwner.phone) ?? '—' } });
      // Known: insertIfNew found the phone taken, or the ID number's owner is this phone's worker.
      const existing = found!;
      const changes = changedColumns(existing, columns);
      const keys = Object.keys(changes);
      if (keys.length === 0) return 'unchanged';
      store.update(existing.id, Object.fromEntries(keys.map((k) => [k, (columns as Record<string, unknown>)[k]])) as WorkerColumns, now);
      store.addHistory({ workerId: existing.id, at: now, operator: ctx.actor.operator, action: 'import', importId, changes: JSON.stringify(changes) });
      return 'updated';
    },
    async end(trx: Tx, importId: number) {
      const scope = options.deactivateMissing;
      // Stryker disable next-line LogicalOperator: listed exists exactly when scope does
      if (!scope || !listed) return;
      // An empty or unreadable file lists nobody: it would deactivate the whole scope.
      if (listed.size === 0) throw new ConflictError({ key: 'worker.deactivate_no_rows', hintKey: 'worker.deactivate_no_rows.hint' });
      const communities = await communityIndex(trx);
      let query = trx.selectFrom('workers').select(['id', 'phone', 'name']).where('active', '=', 1).where('phone', 'is not', null);
      if (scope.platform) query = query.where('platform', '=', scope.platform);
      if (scope.community) query = query.where('community_id', '=', communities.get(scope.community) ?? -1);
      const inScope = await query.execute();
      // A scope nobody is in is a mistyped platform or community, not a roster that emptied it.
      if (inScope.length === 0) throw new ConflictError({ key: 'worker.deactivate_empty_scope', params: { scope: scope.platform ?? scope.community ?? '' } });
      const missing = inScope.filter((w) => !listed.has(w.phone!));
      deactivatedList = missing.map((w) => ({ name: w.name, phone: maskPhone(w.phone) }));
      const share = missing.length / inScope.length;
      if (share > DEACTIVATE_SHARE_LIMIT && !scope.force) {
        const tooMany = new ConflictError({
          key: 'worker.deactivate_too_many',
          params: { count: missing.length, total: inScope.length, percent: Math.round(share * 100), limit: Math.round(DEACTIVATE_SHARE_LIMIT * 100) },
          hintKey: 'worker.deactivate_too_many.hint',
        });
        // A dry run shows who, then says the real run would be refused (and exits as it would).
        if (!scope.dryRun) throw tooMany;
        refusal = tooMany;
      }
      for (const worker of missing) {
        await trx
          .updateTable('workers')
          .set({ active: 0, deactivated_on: today, deactivated_reason: `missing from import #${importId}`, updated_at: now })
          .where('id', '=', worker.id)
          .execute();
        store.addHistory({ workerId: worker.id, at: now, operator: ctx.actor.operator, action: 'deactivate', importId, changes: JSON.stringify({ active: [1, 0] }) });
      }
      await store.flush();
      deactivated = missing.length;
    },
    deactivated: () => deactivated,
    deactivatedWorkers: () => deactivatedList,
    refusal: () => refusal,
  };
}

import type { WorkerRow, WorkerStore } from '../../db/worker-store.js';
import { cellOf, type HeaderAliases, type HeaderMap } from '../../import/headers.js';
import { RowRejection, type ImportPlan } from '../../import/runner.js';
import type { Ctx, Tx } from '../context.js';
import { communityIndex } from '../geo/communities.js';
import { maskIdNumber, maskPhone } from '../privacy.js';
import { validPhone, validateWorker, WorkerProblem, type WorkerColumns, type WorkerInput } from './validate.js';

export type RosterField =
  | 'name' | 'phone' | 'id_number' | 'gender' | 'occupation' | 'platform' | 'site' | 'community' | 'subdistrict' | 'joined_on' | 'note';

export const ROSTER_HEADERS: HeaderAliases<RosterField> = {
  name: ['姓名', '名字'],
  phone: ['手机号码', '手机号', '联系电话', '电话', '手机', 'mobile'],
  id_number: ['身份证号', '身份证号码', '身份证', 'id', 'idnumber'],
  gender: ['性别', 'sex'],
  occupation: ['从业类型', '职业', '岗位', '工种'],
  platform: ['所属平台', '平台', '所属企业', '企业'],
  site: ['所属站点', '站点', '网点', '营业部'],
  community: ['居住社区', '所在社区', '社区'],
  subdistrict: ['所属街道', '街道', '乡镇街道'],
  joined_on: ['入职日期', '加入日期', '入职时间', 'joined'],
  note: ['备注', 'notes'],
};

const INPUT_OF: Record<RosterField, keyof WorkerInput> = {
  name: 'name', phone: 'phone', id_number: 'idNumber', gender: 'gender', occupation: 'occupation', platform: 'platform',
  site: 'site', community: 'community', subdistrict: 'subdistrict', joined_on: 'joinedOn', note: 'note',
};

type Parsed = { phone: string; columns: WorkerColumns };

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
export function rosterImportPlan(ctx: Ctx, store: WorkerStore, options: RosterOptions = {}): ImportPlan<RosterField, Parsed> & { deactivated(): number } {
  let communities = new Map<string, number>();
  const today = ctx.clock.today();
  const now = ctx.clock.now().toISOString();
  const listed = new Set<string>();
  let deactivated = 0;
  return {
    kind: 'workers',
    aliases: ROSTER_HEADERS,
    required: ['name', 'phone', 'occupation'],
    async begin(trx: Tx) {
      communities = await communityIndex(trx);
    },
    parse(map: HeaderMap<RosterField>, cells: string[]) {
      const input: WorkerInput = {};
      for (const field of Object.keys(INPUT_OF) as RosterField[]) {
        const cell = cellOf(map, cells, field);
        if (cell !== undefined) input[INPUT_OF[field]] = cell;
      }
      try {
        const phone = validPhone(input.phone);
        listed.add(phone);
        return { phone, columns: validateWorker(input, { today, communities, blankClears: options.blankClears, requireCore: true }) };
      } catch (error) {
        if (error instanceof WorkerProblem) throw new RowRejection(error.problem);
        throw error;
      }
    },
    keyOf: (value) => value.phone,
    apply(_trx, { phone, columns }, importId) {
      const existing = store.byPhone(phone);
      if (columns.id_number) {
        const owner = store.idOwner(columns.id_number);
        if (owner && owner.id !== existing?.id) throw new RowRejection({ key: 'reject.id_taken', params: { phone: maskPhone(owner.phone) ?? '—' } });
      }
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
      if (!scope) return;
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

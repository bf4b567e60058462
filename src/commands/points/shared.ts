import type { CommandEnv } from '../../cli/command.js';
import type { Column } from '../../cli/render.js';
import { writeJson } from '../../cli/render.js';
import { type Translate, termLabel } from '../../cli/messages/index.js';
import type { Entry } from '../../domain/points/ledger.js';
import type { LedgerRow } from '../../domain/points/queries.js';
import { maskPhone } from '../../domain/privacy.js';

/** Every write prints the entry with its id; --json prints the entry object. */
export function printEntry(env: CommandEnv, json: boolean | undefined, entry: Entry, balance: number): void {
  if (json) {
    writeJson(env.io, { ...entry, balance });
    return;
  }
  const sign = entry.points > 0 ? '+' : '';
  env.done(
    `${env.t('points.entry_written', { id: entry.id, kind: termLabel(env.t, 'point_kind', entry.kind), points: `${sign}${entry.points}`, worker: entry.workerId, date: entry.businessDate, balance })}\n`,
  );
}

export function ledgerColumns(t: Translate): Column<LedgerRow>[] {
  return [
    { key: 'id', header: t('col.id'), value: (e) => e.id },
    { key: 'businessDate', header: t('col.date'), value: (e) => e.businessDate },
    { key: 'worker', header: t('col.worker'), value: (e) => e.worker },
    { key: 'phone', header: t('col.phone'), value: (e) => maskPhone(e.phone) },
    { key: 'kind', header: t('col.kind'), value: (e) => e.kind, shown: (e) => termLabel(t, 'point_kind', e.kind) },
    { key: 'points', header: t('col.points'), value: (e) => e.points },
    { key: 'rule', header: t('col.rule'), value: (e) => e.rule },
    { key: 'gift', header: t('col.gift'), value: (e) => (e.gift ? `${e.gift}×${e.qty}` : null) },
    { key: 'note', header: t('col.note'), value: (e) => e.note ?? e.reason },
    { key: 'ref', header: t('col.ref'), value: (e) => e.ref ?? (e.reversesId ? `↺${e.reversesId}` : null) },
    { key: 'operator', header: t('col.operator'), value: (e) => e.operator },
  ];
}

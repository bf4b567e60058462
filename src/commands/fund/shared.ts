import type { CommandEnv } from '../../cli/command.js';
import { termLabel, type Translate } from '../../cli/messages/index.js';
import type { Column } from '../../cli/render.js';
import { writeJson } from '../../cli/render.js';
import type { FundEntry } from '../../domain/funds/ledger.js';
import { formatYuan } from '../../domain/text/money.js';

/** An entry as shown: fen also as yuan. */
export const fundView = (f: FundEntry) => ({ ...f, amount: formatYuan(f.amountFen) });

export function fundColumns(t: Translate): Column<ReturnType<typeof fundView>>[] {
  return [
    { key: 'id', header: t('col.id'), value: (f) => f.id },
    { key: 'date', header: t('col.date'), value: (f) => f.date },
    { key: 'kind', header: t('col.fund_kind'), value: (f) => f.kind, shown: (f) => termLabel(t, 'fund_kind', f.kind) },
    { key: 'action', header: t('col.programme_action'), value: (f) => f.action, shown: (f) => (f.action ? termLabel(t, 'action', f.action) : '') },
    { key: 'amount', header: t('col.amount'), value: (f) => f.amount },
    { key: 'unit', header: t('col.fund_from'), value: (f) => f.unit },
    { key: 'purpose', header: t('col.purpose'), value: (f) => f.purpose },
    { key: 'forKind', header: t('col.fund_for'), value: (f) => f.forKind, shown: (f) => (f.forKind ? termLabel(t, 'fund_target', f.forKind) : '') },
    { key: 'forId', header: t('col.fund_for_id'), value: (f) => f.forId },
    { key: 'reverses', header: t('col.reverses'), value: (f) => f.reverses },
    { key: 'reversedBy', header: t('col.reversed_by'), value: (f) => f.reversedBy },
    { key: 'note', header: t('col.note'), value: (f) => f.note },
  ];
}

/** A write's confirmation: one line, or the entry with --json. */
export function printFund(env: CommandEnv, json: boolean | undefined, f: FundEntry): void {
  if (json) writeJson(env.io, fundView(f));
  else
    env.done(
      `${env.t('fund.line', { id: f.id, kind: termLabel(env.t, 'fund_kind', f.kind), action: f.action ? termLabel(env.t, 'action', f.action) : '', amount: formatYuan(f.amountFen) ?? '0.00' })}\n`,
    );
}

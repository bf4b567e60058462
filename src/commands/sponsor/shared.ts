import { type Translate, termLabel } from '../../cli/messages/index.js';
import type { Column } from '../../cli/render.js';
import { maskPhone } from '../../domain/privacy.js';
import { formatYuan } from '../../domain/text/money.js';
import type { SponsorTotals } from '../../domain/wishes/sponsors.js';

/** A sponsor as shown: the contact's phone masked, money in yuan. */
export function sponsorView(s: SponsorTotals) {
  return { ...s, contactPhone: maskPhone(s.contactPhone), pledged: formatYuan(s.pledgedFen), spent: formatYuan(s.spentFen) };
}

export function sponsorColumns(t: Translate): Column<ReturnType<typeof sponsorView>>[] {
  return [
    { key: 'name', header: t('col.name'), value: (s) => s.name },
    { key: 'type', header: t('col.type'), value: (s) => s.type, shown: (s) => termLabel(t, 'unit_type', s.type) },
    { key: 'claimed', header: t('col.claimed'), value: (s) => s.claimed },
    { key: 'fulfilled', header: t('col.fulfilled'), value: (s) => s.fulfilled },
    { key: 'open', header: t('col.open'), value: (s) => s.open },
    { key: 'overdue', header: t('col.overdue'), value: (s) => s.overdue },
    { key: 'pledged', header: t('col.pledged'), value: (s) => s.pledged },
    { key: 'spent', header: t('col.spent'), value: (s) => s.spent },
  ];
}

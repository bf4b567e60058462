import { type Translate, termLabel } from '../../cli/messages/index.js';
import type { Column } from '../../cli/render.js';
import { maskPhone } from '../../domain/privacy.js';
import type { Unit } from '../../domain/units/units.js';

/** A unit as shown: the contact's phone masked. */
export function unitView(u: Unit) {
  return { ...u, contactPhone: maskPhone(u.contactPhone) };
}

export function unitColumns(t: Translate): Column<ReturnType<typeof unitView>>[] {
  return [
    { key: 'name', header: t('col.name'), value: (u) => u.name },
    { key: 'type', header: t('col.type'), value: (u) => u.type, shown: (u) => termLabel(t, 'unit_type', u.type) },
    { key: 'parent', header: t('col.unit_parent'), value: (u) => u.parent },
    { key: 'contactName', header: t('col.contact'), value: (u) => u.contactName },
    { key: 'contactPhone', header: t('col.phone'), value: (u) => u.contactPhone },
  ];
}

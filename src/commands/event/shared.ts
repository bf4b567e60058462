import { type Translate, termLabel } from '../../cli/messages/index.js';
import type { EventRow } from '../../domain/programme/events.js';

/** An event's columns, in a list and in `event show`. */
export const eventColumns = (t: Translate) => [
  { key: 'id', header: t('col.id'), value: (e: EventRow) => e.id },
  { key: 'date', header: t('col.date'), value: (e: EventRow) => e.date },
  { key: 'type', header: t('col.type'), value: (e: EventRow) => e.type, shown: (e: EventRow) => termLabel(t, 'event_type', e.type) },
  { key: 'title', header: t('col.name'), value: (e: EventRow) => e.title },
  { key: 'community', header: t('col.community'), value: (e: EventRow) => e.community ?? e.station },
  { key: 'capacity', header: t('col.capacity'), value: (e: EventRow) => e.capacity },
  { key: 'attended', header: t('col.attended'), value: (e: EventRow) => e.attended },
  { key: 'waitlisted', header: t('col.waitlisted'), value: (e: EventRow) => e.waitlisted },
  { key: 'headcount', header: t('col.headcount'), value: (e: EventRow) => e.headcount },
  { key: 'organiser', header: t('col.organiser'), value: (e: EventRow) => e.organiser },
  { key: 'rule', header: t('col.rule'), value: (e: EventRow) => e.rule },
];

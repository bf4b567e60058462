import type { VocabularyKind } from '../domain/vocabulary.js';
import { termLabel, type Translate } from './messages/index.js';

// Fields whose values are codes of a closed list (tried in order: `charging` is an amenity and a measure alike).
const FIELD_TERMS: Record<string, VocabularyKind[]> = {
  amenities: ['amenity'],
  set: ['amenity', 'friendly_measure'],
  unset: ['amenity', 'friendly_measure'],
  measures: ['friendly_measure'],
  offers: ['merchant_offer'],
  occupation: ['occupation'],
  gender: ['gender'],
  category: ['wish_category'],
  source: ['wish_source'],
  kind: ['visit_kind', 'point_kind', 'volunteer_kind'],
  action: ['action'],
  channel: ['publicity_channel'],
  type: ['event_type', 'unit_type', 'dispute_type'],
  via: ['dispute_channel'],
  topic: ['opinion_topic'],
};
// A status names a state of its own entity (`open` is 开放 for a station, 已受理 for a dispute).
const STATUS_TERMS: Record<string, VocabularyKind> = {
  station: 'station_status',
  wish: 'wish_status',
  housing: 'housing_status',
  dispute: 'dispute_status',
  childcare_enrolment: 'enrolment_status',
  worker: 'worker_status',
  opinion: 'opinion_status',
};
// Fields that hold a list (`桌椅、微波炉`), not an [old, new] pair.
const LIST_FIELDS = new Set(['amenities', 'set', 'unset', 'measures', 'offers', 'fields', 'courses']);

/**
 * A recorded change as a clerk reads it: `名称：东关驿站 → 东关顺丰驿站；地址：…`,
 * not the JSON it is stored as. Field names and actions go through the
 * messages module; one without a label is shown by its stored name.
 */
export function describeChanges(t: Translate, changes: unknown, entity?: string): string {
  if (changes === null || changes === undefined) return '';
  if (typeof changes !== 'object' || Array.isArray(changes)) return valueText(t, changes);
  const status = entity ? STATUS_TERMS[entity] : undefined;
  return Object.entries(changes as Record<string, unknown>)
    .map(([field, value]) => {
      // `{ changes: { name: [old, new] } }`: the changes themselves, not a field called "changes".
      if (field === 'changes' && value && typeof value === 'object' && !Array.isArray(value)) return describeChanges(t, value, entity);
      const label = labelOr(t, `field.${field}`, field);
      const kinds =
        ['status', 'from', 'to'].includes(field) && status ? [status] : field === 'kind' && entity === 'import' ? (['import_kind'] as VocabularyKind[]) : FIELD_TERMS[field];
      const text = (v: unknown) => {
        if (field === 'fields' && Array.isArray(v)) return fieldLabels(t, v.map(String));
        return valueText(t, kinds ? termsOf(t, kinds, v) : v);
      };
      // [old, new]: a pair of values, or of lists (`amenities: [[…], […]]`); a list field alone is what it holds.
      const pair = Array.isArray(value) && value.length === 2 && (!LIST_FIELDS.has(field) || value.every(Array.isArray));
      if (pair) return `${label}${t('history.colon')}${text(value[0])} → ${text(value[1])}`;
      return `${label}${t('history.colon')}${text(value)}`;
    })
    .join(t('history.separator'));
}

/** Stored field names (`phone,id_number`) as labels: 手机号码、身份证号. */
export function fieldLabels(t: Translate, fields: string[]): string {
  return fields.map((f) => labelOr(t, `field.${f}`, f)).join(t('list.separator'));
}

/** What was done (`update` → 修改), in the run's language. */
export function actionText(t: Translate, action: string): string {
  return labelOr(t, `action.${action}`, action);
}

/** Codes (an array, or `a,b` as stored) as their labels. */
function termsOf(t: Translate, kinds: VocabularyKind[], value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  const codes = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').filter(Boolean) : [value];
  return codes.map((code) => {
    if (typeof code !== 'string') return code;
    const kind = kinds.find((k) => termLabel(t, k, code) !== code);
    return kind ? termLabel(t, kind, code) : code;
  });
}

function valueText(t: Translate, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (Array.isArray(value)) return value.map((v) => valueText(t, v)).join(t('list.separator'));
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
  return String(value);
}

function labelOr(t: Translate, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

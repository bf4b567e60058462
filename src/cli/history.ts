import type { Translate } from './messages/index.js';

/**
 * A recorded change as a clerk reads it: `名称：东关驿站 → 东关顺丰驿站；地址：…`,
 * not the JSON it is stored as. Field names and actions go through the
 * messages module; one without a label is shown by its stored name.
 */
export function describeChanges(t: Translate, changes: unknown): string {
  if (changes === null || changes === undefined) return '';
  if (typeof changes !== 'object' || Array.isArray(changes)) return valueText(t, changes);
  return Object.entries(changes as Record<string, unknown>)
    .map(([field, value]) => {
      // `{ changes: { name: [old, new] } }`: the changes themselves, not a field called "changes".
      if (field === 'changes' && value && typeof value === 'object' && !Array.isArray(value)) return describeChanges(t, value);
      const label = labelOr(t, `field.${field}`, field);
      if (Array.isArray(value) && value.length === 2) return `${label}${t('history.colon')}${valueText(t, value[0])} → ${valueText(t, value[1])}`;
      return `${label}${t('history.colon')}${valueText(t, value)}`;
    })
    .join(t('history.separator'));
}

/** What was done (`update` → 修改), in the run's language. */
export function actionText(t: Translate, action: string): string {
  return labelOr(t, `action.${action}`, action);
}

function valueText(t: Translate, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (Array.isArray(value)) return value.map((v) => valueText(t, v)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
  return String(value);
}

function labelOr(t: Translate, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

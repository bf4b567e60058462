// Zero-width space/joiners, word joiner, BOM: invisible, but they break lookups.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * What a clerk typed or Excel exported, made comparable: NFKC folds full-width
 * digits, letters and the ideographic space; zero-width characters go; trimmed.
 */
export function normalizeText(value: string | undefined | null): string {
  if (value == null) return '';
  return value.normalize('NFKC').replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/** Empty after normalising → undefined (the field was not given). */
export function optionalText(value: string | undefined | null): string | undefined {
  const text = normalizeText(value);
  return text === '' ? undefined : text;
}

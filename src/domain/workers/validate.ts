import type { MessageParams } from '../../errors.js';
import { parseDate } from '../text/dates.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { closestNames } from '../text/similar.js';
import { acceptedOccupations, idNumberProblem, normalizeIdNumber, parseGender, parseMobile, parseOccupation } from './fields.js';

/** Worker fields as typed or read from a cell; undefined = not given. */
export type WorkerInput = {
  name?: string;
  phone?: string;
  idNumber?: string;
  gender?: string;
  occupation?: string;
  platform?: string;
  site?: string;
  community?: string;
  subdistrict?: string;
  joinedOn?: string;
  note?: string;
};

export { WORKER_COLUMNS, type WorkerColumns } from '../../db/worker-store.js';
import type { WorkerColumns } from '../../db/worker-store.js';

export type Problem = { key: string; params?: MessageParams };

export class WorkerProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key);
  }
}

const fail = (key: string, params?: MessageParams): never => {
  throw new WorkerProblem({ key, params });
};

export function validPhone(raw: string | undefined): string {
  const text = normalizeText(raw);
  if (!text) fail('reject.required', { field: 'phone' });
  const result = parseMobile(text);
  if (!result.ok) fail(result.excel ? 'reject.phone_excel' : 'reject.phone', { value: result.value });
  return (result as { phone: string }).phone;
}

/**
 * Normalises and validates the given fields. `blankClears`: an empty value
 * clears an optional field instead of leaving it as it was.
 */
export function validateWorker(input: WorkerInput, props: { today: string; communities: Map<string, number>; blankClears?: boolean; requireCore?: boolean }): WorkerColumns {
  const columns: WorkerColumns = {};
  const given = (value: string | undefined) => value !== undefined && (props.blankClears || normalizeText(value) !== '');
  const name = optionalText(input.name);
  if (props.requireCore && !name) fail('reject.required', { field: 'name' });
  if (name) columns.name = name;
  if (props.requireCore && !optionalText(input.occupation)) fail('reject.required', { field: 'occupation' });
  if (given(input.occupation) && optionalText(input.occupation)) {
    const occupation = parseOccupation(input.occupation!);
    if (!occupation) fail('reject.occupation', { value: normalizeText(input.occupation), accepted: acceptedOccupations() });
    columns.occupation = occupation;
  }
  if (given(input.idNumber)) columns.id_number = idNumber(input.idNumber!, props.today);
  if (given(input.gender)) columns.gender = gender(input.gender!);
  if (given(input.joinedOn)) columns.joined_on = date(input.joinedOn!, 'joined_on', props.today);
  if (given(input.community)) columns.community_id = community(input.community!, props.communities);
  for (const key of ['platform', 'site', 'subdistrict', 'note'] as const) {
    if (given(input[key])) columns[key] = optionalText(input[key]) ?? null;
  }
  return columns;
}

function idNumber(raw: string, today: string): string | null {
  const id = normalizeIdNumber(raw);
  if (!id) return null;
  const problem = idNumberProblem(id, today);
  if (problem) fail(`reject.id_${problem}`, { value: id });
  return id;
}

function gender(raw: string): string | null {
  if (!normalizeText(raw)) return null;
  const value = parseGender(raw);
  if (!value) fail('reject.gender', { value: normalizeText(raw) });
  return value!;
}

/** A date in the worker's past (joining a platform): real, and never after today. */
function date(raw: string, field: string, today: string): string | null {
  if (!normalizeText(raw)) return null;
  const value = parseDate(raw);
  if (!value) fail('reject.date', { field, value: normalizeText(raw) });
  if (value! > today) fail('invalid.future_date', { field, value: value! });
  if (value! < '1950-01-01') fail('invalid.date_early', { field, value: value!, min: '1950-01-01' });
  return value;
}

function community(raw: string, communities: Map<string, number>): number | null {
  const name = normalizeText(raw);
  if (!name) return null;
  const id = communities.get(name);
  if (id !== undefined) return id;
  const suggestions = closestNames(name, [...communities.keys()]);
  return fail(suggestions.length ? 'reject.community_suggest' : 'reject.community', { value: name, suggestions: suggestions.join(', ') });
}

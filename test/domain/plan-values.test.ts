// The plan's values as typed: an action by number, key or name; a plan year from 2000 to five years ahead.
import { describe, expect, it } from 'vitest';
import { actionNo, parseAction, parseYear } from '../../src/domain/plan/actions.js';
import { refusalOf } from '../helpers/refusal.js';

describe('actions', () => {
  it.each([
    ['1', 'stations'],
    [' 10 ', 'wishes'],
    ['stations', 'stations'],
    ['爱心驿站', 'stations'],
    [' 微心愿 ', 'wishes'],
  ])('%s is %s', (typed, key) => expect(parseAction(typed)).toBe(key));

  it.each([['0'], ['11'], ['100'], ['a1'], ['1a'], ['1.0'], ['1e0'], ['驿站站']])('refuses %s, naming what is accepted', async (typed) => {
    expect(await refusalOf(() => parseAction(typed))).toMatchObject({ key: 'action.unknown', params: { value: typed } });
  });

  it('numbers the actions 1 to 10 in the plan’s order', () => {
    expect([actionNo('stations'), actionNo('wishes'), actionNo('nothing')]).toEqual([1, 10, 0]);
  });
});

describe('plan years', () => {
  const today = '2026-11-29';
  it.each([
    ['2000', 2000],
    [2031, 2031],
    [' 2026 ', 2026],
  ])('%s is %i', (typed, year) => expect(parseYear(typed, today)).toBe(year));

  it.each([['1999'], ['2032'], ['26'], ['x2026'], ['2026x'], ['20260']])('refuses %s, naming the last year a plan may be for', async (typed) => {
    expect(await refusalOf(() => parseYear(typed, today))).toEqual({ key: 'plan.bad_year', params: { value: typed, max: 2031 } });
  });
});

// Issue #17: every state × every verb of each lifecycle, with the allowed moves written out here,
// not imported from the code's own transition tables (a wrong table in the code must fail these).
import { describe, expect, it } from 'vitest';
import { idNumberProblem, normalizeIdNumber } from '../../src/domain/workers/fields.js';
import { freshCli } from '../helpers/cli.js';

const P1 = '13800138000';

async function district() {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-29' });
  const { cli } = fresh;
  await cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  await cli(['worker', 'add', '--name', '张三', '--phone', P1, '--occupation', 'rider', '--community', '夹马营社区']);
  await cli(['sponsor', 'add', '区总工会', '--type', 'union']);
  const { json } = fresh;
  return { ...fresh, json };
}

// ── Wishes ────────────────────────────────────────────────────────────────
type WishState = 'collected' | 'listed' | 'claimed' | 'fulfilled' | 'followed_up' | 'cancelled';
const WISH_STATES: WishState[] = ['collected', 'listed', 'claimed', 'fulfilled', 'followed_up', 'cancelled'];
const WISH_VERBS = {
  claim: (id: number) => ['wish', 'claim', String(id), '--sponsor', '区总工会'],
  fulfil: (id: number) => ['wish', 'fulfil', String(id), '--cost', '100'],
  'follow-up': (id: number) => ['wish', 'follow-up', String(id), '--note', '已回访'],
  release: (id: number) => ['wish', 'release', String(id), '--reason', '无法联系'],
  cancel: (id: number) => ['wish', 'cancel', String(id), '--reason', '重复'],
} as const;
type WishVerb = keyof typeof WISH_VERBS;

/** The lifecycle as the programme's rules describe it: verb → the state it leads to, from each state. */
const WISH_ALLOWED: Record<WishState, Partial<Record<WishVerb, WishState>>> = {
  collected: { cancel: 'cancelled' },
  listed: { claim: 'claimed', cancel: 'cancelled' },
  claimed: { fulfil: 'fulfilled', release: 'listed', cancel: 'cancelled' },
  fulfilled: { 'follow-up': 'followed_up' },
  followed_up: {},
  cancelled: {},
};
const PATH_TO: Record<WishState, WishVerb[] | 'publish'[]> = {
  collected: [],
  listed: ['publish'],
  claimed: ['publish', 'claim'],
  fulfilled: ['publish', 'claim', 'fulfil'],
  followed_up: ['publish', 'claim', 'fulfil', 'follow-up'],
  cancelled: ['cancel'],
} as Record<WishState, never>;

describe('wish lifecycle: every state × every verb', () => {
  const cases = WISH_STATES.flatMap((state) => (Object.keys(WISH_VERBS) as WishVerb[]).map((verb) => [state, verb] as const));
  it.each(cases)('%s + %s', async (state, verb) => {
    const { cli, json } = await district();
    const { id } = await json(['wish', 'add', '--title', '电饭煲', '--category', 'appliance', '--worker', P1]);
    for (const step of PATH_TO[state] as string[]) {
      if (step === 'publish') await json(['wish', 'list-publish']);
      else await json(WISH_VERBS[step as WishVerb](id));
    }
    const before = await json(['wish', 'show', String(id)]);
    expect(before.status).toBe(state);
    const r = await cli(WISH_VERBS[verb](id));
    const after = await json(['wish', 'show', String(id)]);
    const to = WISH_ALLOWED[state][verb];
    if (to) {
      expect(r.code).toBe(0);
      expect(after.status).toBe(to);
      expect(after.timeline).toHaveLength(before.timeline.length + 1);
    } else {
      expect(r.code).toBe(4);
      expect(after).toEqual(before);
    }
  });

  it('list-publish moves collected wishes only', async () => {
    const { json } = await district();
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await json(['wish', 'add', '--title', `心愿${i}`, '--category', 'daily', '--worker', P1])).id);
    await json(WISH_VERBS.cancel(ids[2]!));
    await json(['wish', 'list-publish']);
    const states = await Promise.all(ids.map(async (id) => (await json(['wish', 'show', String(id)])).status));
    expect(states).toEqual(['listed', 'listed', 'cancelled']);
  });

  it('list-publish leaves a wish in every other state where it is', async () => {
    const { json } = await district();
    const byState = new Map<WishState, number>();
    for (const state of WISH_STATES.filter((s) => s !== 'collected')) {
      const { id } = await json(['wish', 'add', '--title', `心愿-${state}`, '--category', 'daily', '--worker', P1]);
      for (const step of PATH_TO[state] as string[]) {
        if (step === 'publish') await json(['wish', 'list-publish']);
        else await json(WISH_VERBS[step as WishVerb](id));
      }
      byState.set(state, id);
    }
    const fresh = (await json(['wish', 'add', '--title', '新心愿', '--category', 'daily', '--worker', P1])).id;
    await json(['wish', 'list-publish']);
    for (const [state, id] of byState) expect((await json(['wish', 'show', String(id)])).status, state).toBe(state);
    expect((await json(['wish', 'show', String(fresh)])).status).toBe('listed');
  });
});

// ── Housing applications ──────────────────────────────────────────────────
type HousingState = 'applied' | 'eligible' | 'ineligible' | 'allocated' | 'withdrawn';
const HOUSING_VERBS = {
  eligible: (id: number) => ['housing', 'assess', String(id), '--eligible'],
  ineligible: (id: number) => ['housing', 'assess', String(id), '--ineligible', '--reason', '有自有住房'],
  allocate: (id: number) => ['housing', 'allocate', String(id), '--address', '瀍河区公租房3号楼'],
  withdraw: (id: number) => ['housing', 'withdraw', String(id), '--reason', '本人撤回'],
} as const;
type HousingVerb = keyof typeof HOUSING_VERBS;
const HOUSING_ALLOWED: Record<HousingState, Partial<Record<HousingVerb, HousingState>>> = {
  applied: { eligible: 'eligible', ineligible: 'ineligible', withdraw: 'withdrawn' },
  eligible: { allocate: 'allocated', withdraw: 'withdrawn' },
  ineligible: {},
  allocated: {},
  withdrawn: {},
};
const HOUSING_PATH: Record<HousingState, HousingVerb[]> = {
  applied: [],
  eligible: ['eligible'],
  ineligible: ['ineligible'],
  allocated: ['eligible', 'allocate'],
  withdrawn: ['withdraw'],
};

describe('housing applications: every state × every verb', () => {
  const cases = (Object.keys(HOUSING_ALLOWED) as HousingState[]).flatMap((s) => (Object.keys(HOUSING_VERBS) as HousingVerb[]).map((v) => [s, v] as const));
  it.each(cases)('%s + %s', async (state, verb) => {
    const { cli, json } = await district();
    const { id } = await json(['housing', 'apply', '--worker', P1, '--household', '3']);
    for (const step of HOUSING_PATH[state]) await json(HOUSING_VERBS[step](id));
    const status = async () => (await json(['housing', 'list'])).find((h: { id: number }) => h.id === id).status;
    expect(await status()).toBe(state);
    const r = await cli(HOUSING_VERBS[verb](id));
    const to = HOUSING_ALLOWED[state][verb];
    expect(r.code).toBe(to ? 0 : 4);
    expect(await status()).toBe(to ?? state);
  });
});

// ── Labour disputes ───────────────────────────────────────────────────────
type DisputeState = 'open' | 'mediating' | 'referred' | 'resolved' | 'closed';
const DISPUTE_STATES: DisputeState[] = ['open', 'mediating', 'referred', 'resolved', 'closed'];
const DISPUTE_ALLOWED: Record<DisputeState, DisputeState[]> = {
  open: ['mediating', 'referred', 'resolved', 'closed'],
  mediating: ['referred', 'resolved', 'closed'],
  referred: ['mediating', 'resolved', 'closed'],
  resolved: ['closed'],
  closed: [],
};
const DISPUTE_PATH: Record<DisputeState, DisputeState[]> = {
  open: [],
  mediating: ['mediating'],
  referred: ['referred'],
  resolved: ['resolved'],
  closed: ['closed'],
};

describe('labour disputes: every state × every target state', () => {
  const cases = DISPUTE_STATES.flatMap((s) => DISPUTE_STATES.map((t) => [s, t] as const));
  it.each(cases)('%s → %s', async (state, target) => {
    const { cli, json } = await district();
    const { id } = await json(['dispute', 'open', '--worker', P1, '--type', 'wages', '--via', 'hotline', '--amount', '3200']);
    for (const step of DISPUTE_PATH[state]) await json(['dispute', 'update', String(id), '--status', step]);
    const status = async () => (await json(['dispute', 'list'])).find((d: { id: number }) => d.id === id).status;
    const r = await cli(['dispute', 'update', String(id), '--status', target]);
    const allowed = DISPUTE_ALLOWED[state].includes(target);
    // "open" is where a case starts, never a status to set: the flag refuses it (usage, exit 2).
    expect(r.code).toBe(allowed ? 0 : target === 'open' ? 2 : 4);
    expect(await status()).toBe(allowed ? target : state);
  });
});

// ── Childcare places and event capacity: waiting lists ────────────────────
describe('waiting lists', () => {
  it('childcare: enrolled → withdrawn promotes the first waiting; waitlisted → withdrawn promotes nobody; withdrawn twice is refused', async () => {
    const { cli, json } = await district();
    await json(['worker', 'add', '--name', '李四', '--phone', '13900139000', '--occupation', 'courier']);
    await json(['childcare', 'site', 'add', '夹马营托管点', '--community', '夹马营社区', '--capacity', '1']);
    const enrol = (phone: string, child: string) => json(['childcare', 'enrol', '--site', '夹马营托管点', '--worker', phone, '--child', child, '--age', '8']);
    const a = await enrol(P1, '小明');
    const b = await enrol('13900139000', '小红');
    const c = await enrol(P1, '小刚');
    const statuses = async () => (await json(['childcare', 'list'])).map((e: { child: string; status: string }) => [e.child, e.status]);
    expect(await statuses()).toEqual([
      ['小明', 'enrolled'],
      ['小红', 'waitlisted'],
      ['小刚', 'waitlisted'],
    ]);
    await json(['childcare', 'withdraw', String(c.id)]);
    expect(await statuses()).toEqual([
      ['小明', 'enrolled'],
      ['小红', 'waitlisted'],
      ['小刚', 'withdrawn'],
    ]);
    await json(['childcare', 'withdraw', String(a.id)]);
    expect(await statuses()).toEqual([
      ['小明', 'withdrawn'],
      ['小红', 'enrolled'],
      ['小刚', 'withdrawn'],
    ]);
    expect((await cli(['childcare', 'withdraw', String(a.id)])).code).toBe(4);
    expect((await cli(['childcare', 'withdraw', String(c.id)])).code).toBe(4);
    expect(b.status).toBe('waitlisted');
  });

  it('events: past capacity goes to the waiting list, unless --over-capacity; attending twice is refused', async () => {
    const { cli, json } = await district();
    await json(['worker', 'add', '--name', '李四', '--phone', '13900139000', '--occupation', 'courier']);
    await json(['worker', 'add', '--name', '王五', '--phone', '13700137000', '--occupation', 'courier']);
    await json(['event', 'add', '--type', 'first_aid', '--title', '急救培训', '--date', '2026-11-28', '--capacity', '1']);
    expect(await json(['event', 'attend', '1', P1])).toMatchObject({ attended: 1, waitlisted: 0 });
    expect(await json(['event', 'attend', '1', '13900139000'])).toMatchObject({ attended: 0, waitlisted: 1 });
    expect(await json(['event', 'attend', '1', '13700137000', '--over-capacity'])).toMatchObject({ attended: 1, waitlisted: 0 });
    expect((await cli(['event', 'attend', '1', P1])).code).toBe(4);
  });
});

// A worker's place at a full event (capacity 1, taken by another): none, attended or waitlisted.
type SeatState = 'none' | 'attended' | 'waitlisted';
const SEAT_VERBS = { attend: [] as string[], 'attend --over-capacity': ['--over-capacity'] };
type SeatVerb = keyof typeof SEAT_VERBS;
const SEAT_ALLOWED: Record<SeatState, Partial<Record<SeatVerb, SeatState>>> = {
  none: { attend: 'waitlisted', 'attend --over-capacity': 'attended' },
  attended: {},
  waitlisted: {},
};
const SEAT_PATH: Record<SeatState, SeatVerb[]> = { none: [], attended: ['attend --over-capacity'], waitlisted: ['attend'] };

describe('event seats at a full event: every state × every verb', () => {
  const cases = (Object.keys(SEAT_ALLOWED) as SeatState[]).flatMap((s) => (Object.keys(SEAT_VERBS) as SeatVerb[]).map((v) => [s, v] as const));
  it.each(cases)('%s + %s', async (state, verb) => {
    const { cli, json } = await district();
    await json(['worker', 'add', '--name', '李四', '--phone', '13900139000', '--occupation', 'courier']);
    const { id } = await json(['event', 'add', '--type', 'first_aid', '--title', '急救培训', '--date', '2026-11-28', '--capacity', '1']);
    await json(['event', 'attend', String(id), '13900139000']);
    const attend = (v: SeatVerb) => ['event', 'attend', String(id), P1, ...SEAT_VERBS[v]];
    for (const step of SEAT_PATH[state]) await json(attend(step));
    const seat = async (): Promise<SeatState> => (await json(['event', 'show', String(id)])).attendees.find((a: { name: string }) => a.name === '张三')?.status ?? 'none';
    expect(await seat()).toBe(state);
    const r = await cli(attend(verb));
    const to = SEAT_ALLOWED[state][verb];
    expect(r.code).toBe(to ? 0 : 4);
    expect(await seat()).toBe(to ?? state);
  });
});

// ── GB 11643 check digits: all eleven check values, each beside a wrong one ──
const ID_TABLE: [valid: string, wrongCheck: string][] = [
  ['410304199003070020', '410304199003070021'],
  ['410304199003070071', '410304199003070070'],
  ['410304199003070012', '410304199003070010'],
  ['410304199003070063', '410304199003070060'],
  ['410304199003070004', '410304199003070000'],
  ['410304199003070055', '410304199003070050'],
  ['410304199003070186', '410304199003070180'],
  ['410304199003070047', '410304199003070040'],
  ['410304199003070098', '410304199003070090'],
  ['410304199003070039', '410304199003070030'],
  ['41030419900307008X', '410304199003070080'],
];

describe('ID numbers (GB 11643)', () => {
  it('covers every check value 0–9 and X', () => {
    expect(new Set(ID_TABLE.map(([valid]) => valid.at(-1))).size).toBe(11);
  });
  it.each(ID_TABLE)('%s is valid; %s has a wrong check digit', (valid, wrong) => {
    expect(idNumberProblem(valid, '2026-11-29')).toBeUndefined();
    expect(idNumberProblem(wrong, '2026-11-29')).toBe('check');
  });
  it('refuses an X where the check digit is a number, and takes a lower-case x as X', () => {
    expect(idNumberProblem('41030419900307002X', '2026-11-29')).toBe('check');
    expect(idNumberProblem('41030419900307003X', '2026-11-29')).toBe('check');
    expect(normalizeIdNumber(' 41030419900307008x ')).toBe('41030419900307008X');
    expect(idNumberProblem(normalizeIdNumber('41030419900307008x'), '2026-11-29')).toBeUndefined();
  });
  it('refuses a birth date that is not real or is in the future, and a wrong length', () => {
    expect(idNumberProblem('410304199002300020', '2026-11-29')).toBe('birth');
    expect(idNumberProblem('410304202712010020', '2026-11-29')).toBe('birth');
    expect(idNumberProblem('41030419900307002', '2026-11-29')).toBe('length');
    expect(idNumberProblem('4103041990030700201', '2026-11-29')).toBe('length');
  });
});

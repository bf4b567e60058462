// Districts in process, on both engines: naming the one `init` made, adding more on a server (refused
// in a file), finding one by name, the counts `district list` shows, the report heading's name, and
// who may enter which district.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDistrict, districtByName, enterDistrict, listDistricts, nameDistrictAtInit, sessionDistrictName } from '../../src/domain/admin/districts.js';
import { listAudit } from '../../src/domain/audit.js';
import type { Ctx } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addWorker, setWorkerActive } from '../../src/domain/workers/write.js';
import type { Session } from '../../src/db/session.js';
import { openDatabase } from '../../src/db/open.js';
import { freshCtx } from '../helpers/db.js';
import { onPostgres } from '../helpers/pg.js';
import { refusalOf } from '../helpers/refusal.js';

let ctx: Ctx;
let close: () => Promise<void>;
let path: string;

beforeAll(async () => {
  ({ ctx, close, path } = await freshCtx({ today: '2026-11-25', now: '2026-11-25T02:00:00.000Z' }));
});
afterAll(() => close());

describe('naming the district', () => {
  it('has no name until init gives it one; the heading reads it', async () => {
    expect(await sessionDistrictName(ctx.db)).toBe('');
    for (const name of [' ', 'x'.repeat(41)]) {
      expect(await refusalOf(() => nameDistrictAtInit(ctx, name))).toEqual({ key: 'invalid.required', params: { field: 'district' } });
    }
    expect(await nameDistrictAtInit(ctx, ' 东城区 ')).toBe('东城区');
    expect(await sessionDistrictName(ctx.db)).toBe('东城区');
    expect(await listDistricts(ctx.db)).toEqual([{ id: expect.any(Number), name: '东城区', communities: 0, workers: 0 }]);
  });

  it('naming it again the same is no change at all', async () => {
    const before = (await listAudit(ctx.db, {})).length;
    expect(await nameDistrictAtInit(ctx, '东城区')).toBe('东城区');
    expect(await listAudit(ctx.db, {})).toHaveLength(before);
  });

  it('finds a district by its exact name, else suggests the close ones', async () => {
    expect(await districtByName(ctx.db, ' 东城区 ')).toEqual({ id: expect.any(Number), name: '东城区' });
    expect(await refusalOf(() => districtByName(ctx.db, '东城'))).toEqual({ key: 'district.not_found_suggest', params: { name: '东城', suggestions: '东城区' } });
    expect(await refusalOf(() => districtByName(ctx.db, 'Pudong'))).toEqual({ key: 'district.not_found', params: { name: 'Pudong', suggestions: '' } });
  });
});

describe('the counts district list shows', () => {
  it('counts communities and active workers only', async () => {
    await addCommunity(ctx, { name: '和平里社区', subdistrict: '和平里街道' });
    await addCommunity(ctx, { name: '安定门社区', subdistrict: '安定门街道' });
    await addWorker(ctx, { name: '张伟', phone: '13800138000', occupation: 'rider', community: '和平里社区' });
    await addWorker(ctx, { name: '刘洋', phone: '13700137000', occupation: 'courier', community: '安定门社区' });
    await setWorkerActive(ctx, '13700137000', false, '离职');
    expect(await listDistricts(ctx.db)).toEqual([{ id: expect.any(Number), name: '东城区', communities: 2, workers: 1 }]);
  });
});

describe('adding a district', () => {
  it('refuses an empty or over-long name on either engine', async () => {
    for (const name of ['', ' ', 'x'.repeat(41)]) expect(await refusalOf(() => addDistrict(ctx, name))).toEqual({ key: 'invalid.required', params: { field: 'name' } });
  });

  it.skipIf(onPostgres)('[SQLite] a file holds one district: it is named, not added', async () => {
    expect(await refusalOf(() => addDistrict(ctx, '西城区'))).toEqual({ key: 'district.one_per_file', params: { name: '西城区' } });
    expect(await refusalOf(() => addDistrict(ctx, 'x'.repeat(40)))).toMatchObject({ key: 'district.one_per_file' });
  });

  it.skipIf(!onPostgres)('[PostgreSQL] adds one beside it, refuses the same name again, and counts each district’s own', async () => {
    expect(await addDistrict(ctx, ' 西城区 ')).toEqual({ id: expect.any(Number), name: '西城区' });
    expect(await refusalOf(() => addDistrict(ctx, '西城区'))).toEqual({ key: 'district.exists', params: { name: '西城区' } });
    const west = await openDatabase({ path, create: false, district: '西城区' });
    try {
      const there: Ctx = { ...ctx, db: west.db };
      await addCommunity(there, { name: '月坛社区', subdistrict: '月坛街道' });
      expect(await sessionDistrictName(west.db)).toBe('西城区');
    } finally {
      await west.close();
    }
    expect(await listDistricts(ctx.db)).toEqual([
      { id: expect.any(Number), name: '东城区', communities: 2, workers: 1 },
      { id: expect.any(Number), name: '西城区', communities: 1, workers: 0 },
    ]);
    expect((await listAudit(ctx.db, { entity: 'district' })).map((a) => a.entityKey)).toEqual(['东城区', '西城区']);
  });
});

describe.skipIf(!onPostgres)('[PostgreSQL] the district init made without a name', () => {
  it('is named by the first district added, unless it already holds records', async () => {
    const fresh = await freshCtx({ today: '2026-11-25', now: '2026-11-25T02:00:00.000Z' });
    try {
      const first = await addDistrict(fresh.ctx, '朝阳区');
      expect(await listDistricts(fresh.ctx.db)).toEqual([{ id: first.id, name: '朝阳区', communities: 0, workers: 0 }]);
      // init --district on a server: an existing district is left as it is.
      expect(await nameDistrictAtInit(fresh.ctx, '朝阳区')).toBe('朝阳区');
      expect(await listDistricts(fresh.ctx.db)).toHaveLength(1);
    } finally {
      await fresh.close();
    }
    const held = await freshCtx({ today: '2026-11-25', now: '2026-11-25T02:00:00.000Z' });
    try {
      await addCommunity(held.ctx, { name: '望京社区' });
      expect(await refusalOf(() => addDistrict(held.ctx, '朝阳区'))).toEqual({ key: 'district.unnamed_has_data', params: {} });
      expect((await listDistricts(held.ctx.db)).map((d) => d.name)).toEqual(['']);
    } finally {
      await held.close();
    }
  });
});

describe('who may enter which district', () => {
  const session = (kind: Session['kind'], districtId: number | null, districtCount = 1): Session => ({ kind, role: 'clerk_a', districtId, districtCount, chosenId: null });

  it('refuses a login without an account, naming it', async () => {
    expect(await refusalOf(() => enterDistrict(ctx.db, session('none', null), undefined))).toEqual({ key: 'account.no_access', params: { name: 'clerk_a' } });
  });

  it('lets a clerk into their own district and no other; the owner and the city anywhere', async () => {
    const own = (await districtByName(ctx.db, '东城区')).id;
    await expect(enterDistrict(ctx.db, session('district', own), ' 东城区 ')).resolves.toBeUndefined();
    expect(await refusalOf(() => enterDistrict(ctx.db, session('community', own + 1), '东城区'))).toEqual({
      key: 'district.not_yours',
      params: { name: '东城区', role: 'clerk_a' },
    });
    await expect(enterDistrict(ctx.db, session('owner', null, 2), '东城区')).resolves.toBeUndefined();
    await expect(enterDistrict(ctx.db, session('city', null, 2), '东城区')).resolves.toBeUndefined();
    expect(await refusalOf(() => enterDistrict(ctx.db, session('owner', null, 2), '南城区'))).toMatchObject({ params: { name: '南城区' } });
  });

  it('asks the owner and the city to choose among several districts, unless the command spans them', async () => {
    const names = onPostgres ? '东城区, 西城区' : '东城区';
    for (const kind of ['owner', 'city'] as const) {
      expect(await refusalOf(() => enterDistrict(ctx.db, session(kind, null, 2), undefined))).toEqual({ key: 'district.choose', params: { names } });
      await expect(enterDistrict(ctx.db, session(kind, null, 2), undefined, { anyDistrict: true })).resolves.toBeUndefined();
      await expect(enterDistrict(ctx.db, session(kind, null, 1), undefined)).resolves.toBeUndefined();
    }
    await expect(enterDistrict(ctx.db, session('district', 1, 2), undefined)).resolves.toBeUndefined();
  });
});

describe('a name of forty characters', () => {
  it('is a name', async () => {
    const fresh = await freshCtx({ today: '2026-11-25', now: '2026-11-25T02:00:00.000Z' });
    try {
      const forty = '区'.repeat(40);
      expect(await nameDistrictAtInit(fresh.ctx, forty)).toBe(forty);
      expect((await listDistricts(fresh.ctx.db)).map((d) => d.name)).toContain(forty);
    } finally {
      await fresh.close();
    }
  });
});

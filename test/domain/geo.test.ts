// Communities as the domain returns them: the 街道 a new community is filed under, the counts a
// listing shows, and the names an unknown community's refusal suggests.
import { describe, expect, it } from 'vitest';
import { addCommunity, listCommunities, resolveCommunity } from '../../src/domain/geo/communities.js';
import { addStation } from '../../src/domain/stations/write.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { NuanxinError } from '../../src/errors.js';
import { freshCtx } from '../helpers/db.js';

describe('communities', () => {
  it('returns the 街道 a new community is filed under', async () => {
    const { ctx, close } = await freshCtx();
    try {
      expect(await addCommunity(ctx, { name: ' 夹马营社区 ', subdistrict: '西城街道' })).toMatchObject({ name: '夹马营社区', subdistrict: '西城街道' });
      expect(await addCommunity(ctx, { name: '白塔社区' })).toMatchObject({ name: '白塔社区', subdistrict: null });
      const created = await ctx.db.transaction().execute((trx) => resolveCommunity(trx, ctx, '广化社区', { create: true, subdistrict: '东城街道' }));
      expect(created).toMatchObject({ name: '广化社区', subdistrict: '东城街道' });
    } finally {
      await close();
    }
  });

  it('lists each community with its stations and active workers counted', async () => {
    const { ctx, close } = await freshCtx();
    try {
      await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西城街道' });
      await addCommunity(ctx, { name: '白塔社区', subdistrict: '西城街道' });
      await addStation(ctx, { name: '夹马营驿站', community: '夹马营社区' });
      await addStation(ctx, { name: '夹马营二号驿站', community: '夹马营社区' });
      await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', community: '夹马营社区' });
      const rows = await listCommunities(ctx.db);
      expect(rows.map(({ name, subdistrict, stations, workers }) => ({ name, subdistrict, stations, workers }))).toEqual([
        { name: '夹马营社区', subdistrict: '西城街道', stations: 2, workers: 1 },
        { name: '白塔社区', subdistrict: '西城街道', stations: 0, workers: 0 },
      ]);
    } finally {
      await close();
    }
  });

  it('suggests the closest names when a community is unknown', async () => {
    const { ctx, close } = await freshCtx();
    try {
      await addCommunity(ctx, { name: '夹马营社区' });
      await addCommunity(ctx, { name: '夹马营北社区' });
      await addCommunity(ctx, { name: '白塔社区' });
      const refusal = await resolveCommunity(ctx.db, ctx, '夹马营').catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(NuanxinError);
      const { key, params, hintKey } = refusal as NuanxinError;
      expect({ key, params, hintKey }).toEqual({
        key: 'community.not_found_suggest',
        params: { name: '夹马营', suggestions: '夹马营北社区, 夹马营社区' },
        hintKey: 'community.not_found.hint',
      });
    } finally {
      await close();
    }
  });
});

// A season of micro-wishes in one district, compared whole: what each step returns (or why it is
// refused), the lists a clerk and a sponsor read, and every row left in wishes, their timelines and the
// audit log. The snapshot beside this file was read against the lifecycle when it was written.
import { describe, expect, it } from 'vitest';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addStation } from '../../src/domain/stations/write.js';
import { addUnit } from '../../src/domain/units/units.js';
import { getWish, listWishes, timeline } from '../../src/domain/wishes/read.js';
import { sponsorTotals } from '../../src/domain/wishes/sponsors.js';
import { addWish, cancelWish, claimWish, followUpWish, fulfilWish, publishWishes, releaseWish } from '../../src/domain/wishes/write.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { onDay, scenarioRecorder } from '../helpers/scenario.js';
import { dumpTables } from '../helpers/dump.js';
import { onPostgres } from '../helpers/pg.js';

const ZHANG = '13800138000';
const LI = '13900139000';

describe.skipIf(onPostgres)('[SQLite] a season of micro-wishes, compared whole', () => {
  it('returns, refuses and records exactly what it did when the snapshot was read', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-20', now: '2026-11-20T02:00:00.000Z' });
    const { steps, step } = scenarioRecorder();
    const on = (today: string) => onDay(ctx, today);
    const view = { today: '2026-12-28', staleDays: 14 };
    try {
      await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
      await addCommunity(ctx, { name: '和平里社区', subdistrict: '西关街道' });
      await addWorker(ctx, { name: '张三', phone: ZHANG, occupation: 'rider', community: '夹马营社区' });
      await addWorker(ctx, { name: '李四', phone: LI, occupation: 'courier', community: '和平里社区' });
      await addStation(ctx, { code: 'ST01', name: '和平里驿站', community: '和平里社区', amenities: 'seating,water' });
      await addUnit(ctx, { name: '区总工会', type: 'union' });
      await addUnit(ctx, { name: '顺丰速运', type: 'company', contact: '王经理', phone: '13700137000' });

      // Collecting: a worker's wish, a site's, a station's, and the ones refused.
      await step('wish 1', () => addWish(ctx, { title: '电饭煲', category: 'appliance', worker: ZHANG, detail: '家里三口人', estimate: '199.5', source: 'interview' }));
      await step('wish 2', () => addWish(ctx, { title: '孩子的书包', category: '子女关爱', worker: LI, collectedOn: '2026-11-18', source: 'wish_box' }));
      await step('wish 3', () => addWish(ctx, { title: '冬季护膝', category: 'daily', site: '顺丰和平里站点', community: '和平里社区' }));
      await step('wish 4', () => addWish(ctx, { title: '充电宝', category: 'daily', worker: ZHANG, station: 'ST01' }));
      await step('wish 5', () => addWish(ctx, { title: '体检', category: 'health', worker: LI }));
      await step('no title', () => addWish(ctx, { title: ' ', category: 'daily', worker: ZHANG }));
      await step('bad category', () => addWish(ctx, { title: 'x', category: '玩具', worker: ZHANG }));
      await step('bad source', () => addWish(ctx, { title: 'x', category: 'daily', worker: ZHANG, source: '电话' }));
      await step('worker and site', () => addWish(ctx, { title: 'x', category: 'daily', worker: ZHANG, site: '站点' }));
      await step('neither', () => addWish(ctx, { title: 'x', category: 'daily' }));
      await step('community conflict', () => addWish(ctx, { title: 'x', category: 'daily', worker: ZHANG, community: '和平里社区' }));
      await step('future collection', () => addWish(ctx, { title: 'x', category: 'daily', worker: ZHANG, collectedOn: '2026-11-21' }));
      await step('bad estimate', () => addWish(ctx, { title: 'x', category: 'daily', worker: ZHANG, estimate: '1.234' }));

      // Listing, claiming, fulfilling, following up; a release and a cancellation.
      await step('publish daily', () => publishWishes(on('2026-11-21'), { category: 'daily' }));
      await step('publish rest', () => publishWishes(on('2026-11-22'), { date: '2026-11-21' }));
      await step('publish none', () => publishWishes(on('2026-11-22'), {}));
      await step('publish bad category', () => publishWishes(ctx, { category: '玩具' }));
      await step('claim 1', () => claimWish(on('2026-11-23'), 1, { sponsor: '区总工会', pledge: '200' }));
      await step('claim 2', () => claimWish(on('2026-11-23'), 2, { sponsor: '顺丰速运', due: '2026-12-01', date: '2026-11-22' }));
      await step('claim 3 due past', () => claimWish(on('2026-11-23'), 3, { sponsor: '顺丰速运', due: '2026-11-22' }));
      await step('claim unknown sponsor', () => claimWish(on('2026-11-23'), 3, { sponsor: '不存在的单位' }));
      await step('claim 3', () => claimWish(on('2026-11-24'), 3, { sponsor: '顺丰速运' }));
      await step('claim twice', () => claimWish(on('2026-11-24'), 3, { sponsor: '区总工会' }));
      await step('fulfil before claim', () => fulfilWish(on('2026-11-24'), 1, { date: '2026-11-22' }));
      await step('fulfil 1', () => fulfilWish(on('2026-11-26'), 1, { cost: '189.00', note: '已送到家', evidence: '照片 IMG_0012' }));
      await step('fulfil 2', () => fulfilWish(on('2026-11-26'), 2, {}));
      await step('follow up 1', () => followUpWish(on('2026-11-28'), 1, '很实用，谢谢'));
      await step('follow up no note', () => followUpWish(on('2026-11-28'), 2, ' '));
      await step('follow up twice', () => followUpWish(on('2026-11-28'), 1, '再次回访'));
      await step('release 3', () => releaseWish(on('2026-11-27'), 3, '企业无法联系'));
      await step('release no reason', () => releaseWish(on('2026-11-27'), 4, ''));
      await step('cancel 5', () => cancelWish(on('2026-11-27'), 5, '已由家人解决'));
      await step('cancel fulfilled', () => cancelWish(on('2026-11-27'), 2, '重复'));
      await step('unknown wish', () => claimWish(ctx, 99, { sponsor: '区总工会' }));
      await step('claim 4', () => claimWish(on('2026-11-27'), 4, { sponsor: '区总工会', pledge: '50' }));

      // Reading, as of a later day: overdue claims and stale listings flagged.
      await step('list', () => listWishes(ctx.db, {}, view));
      await step('list claimed', () => listWishes(ctx.db, { status: 'claimed' }, view));
      await step('list daily', () => listWishes(ctx.db, { category: 'daily' }, view));
      await step('list by sponsor', () => listWishes(ctx.db, { sponsor: '顺丰速运' }, view));
      await step('list 和平里', () => listWishes(ctx.db, { community: '和平里社区' }, view));
      await step('list overdue', () => listWishes(ctx.db, { overdue: true }, view));
      await step('list stale', () => listWishes(ctx.db, { stale: true }, view));
      await step('list ids', () => listWishes(ctx.db, { ids: [2, 4] }, view));
      await step('show 1', () => getWish(ctx.db, 1, view));
      await step('show missing', () => getWish(ctx.db, 42, view));
      await step('timeline 3', () => timeline(ctx.db, 3));
      await step('sponsors', () => sponsorTotals(ctx.db, '2026-12-28'));
      await step('sponsor 区总工会', () => sponsorTotals(ctx.db, '2026-12-28', '区总工会'));

      const tables = await dumpTables(ctx.db, ['wishes', 'wish_events', 'audit_log']);
      expect({ steps, tables }).toMatchSnapshot();
    } finally {
      await close();
    }
  });
});

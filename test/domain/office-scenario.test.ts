// The district office's own records through a year, compared whole: responsible units and their
// hierarchy, the actions' lead and responsible units, targets by district, 街道 and community, visits to
// depots, publicity — what each step returns (or why it is refused), the lists, a unit's whole record,
// and every row left behind. The snapshot was read against the rules when it was written.
import { describe, expect, it } from 'vitest';
import { addCommunity, listCommunities } from '../../src/domain/geo/communities.js';
import { addPublicity, listPublicity } from '../../src/domain/outreach/publicity.js';
import { addVisit, getVisit, listVisits } from '../../src/domain/outreach/visits.js';
import { actionNo, assignAction, listActionOwners, parseAction, parseYear } from '../../src/domain/plan/actions.js';
import { clearTarget, listTargets, setTarget, targetsOfPlace, yearSoFar } from '../../src/domain/plan/targets.js';
import { unitRecord } from '../../src/domain/units/record.js';
import { addUnit, findUnit, listUnits, unitIdOf, updateUnit } from '../../src/domain/units/units.js';
import { addWish } from '../../src/domain/wishes/write.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { scenarioRecorder } from '../helpers/scenario.js';
import { dumpTables } from '../helpers/dump.js';
import { onPostgres } from '../helpers/pg.js';

describe.skipIf(onPostgres)('[SQLite] the office’s own records, compared whole', () => {
  it('returns, refuses and records exactly what it did when the snapshot was read', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-25', now: '2026-11-25T02:00:00.000Z' });
    const { steps, step } = scenarioRecorder();
    try {
      await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
      await addCommunity(ctx, { name: '和平里社区', subdistrict: '和平里街道' });
      await step('community again', () => addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' }));
      await step('community no name', () => addCommunity(ctx, { name: ' ' }));
      await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', community: '夹马营社区' });

      // Units and their hierarchy.
      await step('unit union', () => addUnit(ctx, { name: '区总工会', type: '工会', contact: '刘主席', phone: '0379-6311 1111' }));
      await step('unit department', () => addUnit(ctx, { name: '区卫健委', type: 'department' }));
      await step('unit child', () => addUnit(ctx, { name: '西关街道工会', type: 'union', parent: '区总工会' }));
      await step('unit company', () => addUnit(ctx, { name: '美团西关站', type: 'company', phone: '13900139000' }));
      await step('unit again', () => addUnit(ctx, { name: '区总工会', type: 'union' }));
      await step('unit bad type', () => addUnit(ctx, { name: '快递协会', type: '协会' }));
      await step('unit unknown parent', () => addUnit(ctx, { name: '某协会', type: 'union', parent: '市总工会' }));
      await step('unit rename', () => updateUnit(ctx, '美团西关站', { name: '美团西关配送站', contact: '王站长' }));
      await step('unit own parent', () => updateUnit(ctx, '区总工会', { parent: '西关街道工会' }));
      await step('unit find near', () => findUnit(ctx.db, '总工会'));
      await step('unit id none', () => unitIdOf(ctx.db, undefined));
      await step('unit id', () => unitIdOf(ctx.db, '区卫健委'));
      await step('units', () => listUnits(ctx.db));
      await step('units unions', () => listUnits(ctx.db, { type: 'union' }));
      await step('units under', () => listUnits(ctx.db, { parent: '区总工会' }));

      // The plan: who leads each action, the year's targets.
      await step('actions', () => ['1', '驿站', '微心愿', 'wishes', '10', 'Skills'].map(parseAction));
      await step('action unknown', () => parseAction('11'));
      await step('action numbers', () => ['stations', 'wishes', 'skills'].map(actionNo));
      await step('years', () => [parseYear('2026', '2026-11-25'), parseYear(2027, '2026-11-25'), parseYear('2020', '2026-11-25')]);
      await step('year far', () => parseYear('2030', '2026-11-25'));
      await step('assign', () => assignAction(ctx, { action: '微心愿', year: 2026, lead: '区总工会', responsible: ['区卫健委', '西关街道工会'] }));
      await step('assign again', () => assignAction(ctx, { action: 'wishes', year: 2026, lead: '区卫健委' }));
      await step('assign unknown unit', () => assignAction(ctx, { action: 'stations', year: 2026, lead: '不存在' }));
      await step('owners', () => listActionOwners(ctx.db, 2026));
      await step('target', () => setTarget(ctx, { action: 'wishes', metric: 'collected', value: 100, year: 2026 }));
      await step('target 街道', () => setTarget(ctx, { action: 'wishes', metric: 'fulfilled', value: '40', year: 2026, subdistrict: '西关街道' }));
      await step('target community', () => setTarget(ctx, { action: 'stations', metric: 'open', value: 2, year: 2026, community: '夹马营社区' }));
      await step('target again', () => setTarget(ctx, { action: 'wishes', metric: 'collected', value: 120, year: 2026 }));
      await step('target bad metric', () => setTarget(ctx, { action: 'wishes', metric: 'awarded', value: 1 }));
      await step('target both places', () => setTarget(ctx, { action: 'wishes', metric: 'collected', value: 1, community: '夹马营社区', subdistrict: '西关街道' }));
      await step('target negative', () => setTarget(ctx, { action: 'wishes', metric: 'collected', value: -1 }));
      await step('clear', () => clearTarget(ctx, { action: 'stations', metric: 'open', year: 2026, community: '夹马营社区' }));
      await step('clear missing', () => clearTarget(ctx, { action: 'stations', metric: 'open', year: 2026, community: '夹马营社区' }));
      await step('targets', () => listTargets(ctx.db, { year: 2026 }));
      await step('targets 西关', () => listTargets(ctx.db, { year: 2026, subdistrict: '西关街道' }));
      await step('targets of 夹马营', () => targetsOfPlace(ctx.db, { year: 2026, community: '夹马营社区', today: '2026-11-25', timeZone: 'Asia/Shanghai' }));
      await step('year so far', () => [yearSoFar(2026, '2026-11-25'), yearSoFar(2025, '2026-11-25'), yearSoFar(2027, '2026-11-25'), yearSoFar(2026, '2026-01-01')]);

      // Visits to depots and publicity.
      await addWish(ctx, { title: '电饭煲', category: 'appliance', worker: '13800138000' });
      await step('visit', () =>
        addVisit(ctx, { to: '美团西关配送站', by: '区总工会', workersMet: 30, action: '积分', community: '夹马营社区', note: '宣传积分', date: '2026-11-20' }),
      );
      await step('visit plain', () => addVisit(ctx, { to: '顺丰和平里点', by: '和平里街道' }));
      await step('visit no by', () => addVisit(ctx, { to: 'x', by: ' ' }));
      await step('visit too many met', () => addVisit(ctx, { to: 'x', by: 'y', workersMet: 100_000 }));
      await step('visits', () => listVisits(ctx.db));
      await step('visits points', () => listVisits(ctx.db, { action: 'points' }));
      await step('visits to 21st', () => listVisits(ctx.db, { to: '2026-11-21' }));
      await step('visit 2', () => getVisit(ctx.db, 2));
      await step('visit missing', () => getVisit(ctx.db, 9));
      await step('publicity', () =>
        addPublicity(ctx, {
          action: 'wishes',
          channel: '公众号',
          title: '微心愿认领启动',
          url: 'https://mp.weixin.qq.com/s/abc',
          reach: 1200,
          unit: '区总工会',
          wish: 1,
          date: '2026-11-21',
        }),
      );
      await step('publicity poster', () => addPublicity(ctx, { action: '1', channel: 'poster', title: '驿站地图', community: '和平里社区' }));
      await step('publicity bad url', () => addPublicity(ctx, { action: '1', channel: 'poster', title: 'x', url: 'mp.weixin' }));
      await step('publicity bad channel', () => addPublicity(ctx, { action: '1', channel: '广播', title: 'x' }));
      await step('publicity unknown wish', () => addPublicity(ctx, { action: 'wishes', channel: 'poster', title: 'x', wish: 7 }));
      await step('publicity list', () => listPublicity(ctx.db));
      await step('publicity of wish', () => listPublicity(ctx.db, { wish: 1 }));
      await step('publicity from 22nd', () => listPublicity(ctx.db, { from: '2026-11-22' }));
      await step('unit record', () => unitRecord(ctx.db, '区总工会', '2026-11-25'));
      await step('communities', () => listCommunities(ctx.db));

      const tables = await dumpTables(ctx.db, ['units', 'action_owners', 'targets', 'visits', 'publicity', 'audit_log']);
      expect({ steps, tables }).toMatchSnapshot();
    } finally {
      await close();
    }
  });
});

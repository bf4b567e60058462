// Rest stations and the programme's money through a year, compared whole: what each step returns (or
// why it is refused), the standard audit of stations, the funds' balances and movements, and every row
// left behind. The snapshot was read against the rules when it was written.
import { describe, expect, it } from 'vitest';
import { fundBalances, fundIn, fundMovements, fundOut, getEntry, listFunds, reverseFund, actionBalance, lowestBalanceFrom } from '../../src/domain/funds/ledger.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { amenityLabel, parseAmenities } from '../../src/domain/stations/amenities.js';
import { auditStations, medicineState } from '../../src/domain/stations/audit.js';
import { getStation, listStations } from '../../src/domain/stations/read.js';
import { addStation, closeStation, reopenStation, setStationAmenities, updateStation } from '../../src/domain/stations/write.js';
import { addUnit } from '../../src/domain/units/units.js';
import { addWish } from '../../src/domain/wishes/write.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { onDay, scenarioRecorder } from '../helpers/scenario.js';
import { dumpTables } from '../helpers/dump.js';
import { onPostgres } from '../helpers/pg.js';

describe.skipIf(onPostgres)('[SQLite] stations and funds through a year, compared whole', () => {
  it('returns, refuses and records exactly what it did when the snapshot was read', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-06-30', now: '2026-06-30T02:00:00.000Z' });
    const { steps, step } = scenarioRecorder();
    const on = (today: string) => onDay(ctx, today);
    try {
      await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
      await addCommunity(ctx, { name: '和平里社区', subdistrict: '和平里街道' });
      await addUnit(ctx, { name: '区总工会', type: 'union' });
      await addUnit(ctx, { name: '中石化', type: 'company' });
      await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', community: '夹马营社区' });

      // Stations: built to the standard list, kept up, closed and reopened.
      await step('station full', () =>
        addStation(ctx, {
          name: '夹马营爱心驿站',
          community: '夹马营社区',
          address: '夹马营路12号',
          host: '中石化',
          contactName: '李站长',
          contactPhone: '0379-6312 3456',
          hours: '8:00-20:00',
          amenities: '座椅,饮水机,微波炉,cooling,reading,medicine,charging',
          openedOn: '2025-05-01',
          medicineExpiresOn: '2026-07-10',
        }),
      );
      await step('station bare', () => addStation(ctx, { code: 'HP01', name: '和平里驿站', community: '和平里社区', amenities: ['seating', 'water'] }));
      await step('station same code', () => addStation(ctx, { code: 'HP01', name: 'x', community: '和平里社区' }));
      await step('station no name', () => addStation(ctx, { name: ' ', community: '和平里社区' }));
      await step('station unknown amenity', () => addStation(ctx, { name: 'x', community: '和平里社区', amenities: '沙发' }));
      await step('station new community', () => addStation(ctx, { name: '新区驿站', community: '新区社区' }));
      await step('station new community made', () => addStation(ctx, { name: '新区驿站', community: '新区社区' }, { createCommunity: true, subdistrict: '新区街道' }));
      await step('station bad phone', () => addStation(ctx, { name: 'x', community: '和平里社区', contactPhone: '12' }));
      await step('station future opening', () => addStation(ctx, { name: 'x', community: '和平里社区', openedOn: '2026-07-01' }));
      await step('update', () => updateStation(ctx, 'HP01', { hours: '全天', address: '和平里5号', community: '夹马营社区' }));
      await step('amenities', () => setStationAmenities(ctx, 'HP01', { set: 'microwave,药箱', unset: 'water', medicineExpires: '2026-06-01' }));
      await step('amenities nothing', () => setStationAmenities(ctx, 'HP01', {}));
      await step('close no reason', () => closeStation(ctx, 'HP01', ' '));
      await step('close', () => closeStation(ctx, 'HP01', '房屋到期'));
      await step('close again', () => closeStation(ctx, 'HP01', '房屋到期'));
      await step('reopen', () => reopenStation(on('2026-06-30'), 'HP01'));
      await step('reopen again', () => reopenStation(ctx, 'HP01'));
      await step('close new', () => closeStation(ctx, 'ST0003', '合并'));
      await step('get', () => getStation(ctx.db, 'ST0001'));
      await step('get missing', () => getStation(ctx.db, 'ST9999'));
      await step('list', () => listStations(ctx.db));
      await step('list 夹马营', () => listStations(ctx.db, { community: '夹马营社区' }));
      await step('list missing water', () => listStations(ctx.db, { missing: 'water' }));
      await step('list closed', () => listStations(ctx.db, { status: 'closed' }));
      await step('audit', () => auditStations(ctx.db, { today: '2026-06-30' }));
      await step('audit 夹马营', () => auditStations(ctx.db, { today: '2026-07-11', community: '夹马营社区' }));
      await step('audit with closed', () => auditStations(ctx.db, { today: '2026-06-30', includeClosedAfter: '2026-06-01' }));
      await step('medicine states', () => [
        medicineState(false, null, '2026-06-30'),
        medicineState(true, null, '2026-06-30'),
        medicineState(true, '2026-06-29', '2026-06-30'),
        medicineState(true, '2026-06-30', '2026-06-30'),
        medicineState(true, '2026-07-30', '2026-06-30'),
        medicineState(true, '2026-07-31', '2026-06-30'),
        medicineState(true, '2026-12-31', '2026-06-30'),
      ]);
      await step('amenity words', () => [
        parseAmenities('座椅, 烧水壶；微波炉、cooling'),
        parseAmenities(['reading', 'medicine', 'charging']),
        parseAmenities(undefined),
        amenityLabel('fan_ac'),
      ]);

      // Funds: in from a unit for an action, out for a purpose, reversals, no action below zero.
      await addWish(ctx, { title: '电饭煲', category: 'appliance', worker: '13800138000' });
      await step('in', () => fundIn(on('2026-06-30'), { from: '区总工会', amount: '50000', action: '驿站', date: '2026-03-01', note: '年度经费' }));
      await step('in wishes', () => fundIn(ctx, { from: '中石化', amount: '2,000.50', action: '10', community: '夹马营社区' }));
      await step('in bad amount', () => fundIn(ctx, { from: '区总工会', amount: '0', action: 'stations' }));
      await step('in unknown unit', () => fundIn(ctx, { from: '某公司', amount: '10', action: 'stations' }));
      await step('in bad action', () => fundIn(ctx, { from: '区总工会', amount: '10', action: '十一' }));
      await step('out station', () => fundOut(ctx, { action: 'stations', amount: '12000', purpose: '空调和微波炉', for: 'station', forRef: 'ST0001', date: '2026-04-01' }));
      await step('out wish', () => fundOut(ctx, { action: 'wishes', amount: '199', purpose: '电饭煲', for: 'wish', forRef: '1', community: '夹马营社区' }));
      await step('out too much', () => fundOut(ctx, { action: 'wishes', amount: '2000', purpose: '更多' }));
      await step('out before money came', () => fundOut(ctx, { action: 'stations', amount: '100', purpose: '早', date: '2026-02-01' }));
      await step('out for which', () => fundOut(ctx, { action: 'stations', amount: '100', purpose: 'x', for: 'station' }));
      await step('out for missing', () => fundOut(ctx, { action: 'stations', amount: '100', purpose: 'x', for: 'station', forRef: 'ST9999' }));
      await step('out bad for', () => fundOut(ctx, { action: 'stations', amount: '100', purpose: 'x', for: 'car' }));
      await step('out no purpose', () => fundOut(ctx, { action: 'stations', amount: '100', purpose: ' ' }));
      await step('out long note', () => fundOut(ctx, { action: 'stations', amount: '100', purpose: 'x', note: '长'.repeat(201) }));
      await step('reverse out', () => reverseFund(ctx, 3, '报销单据退回'));
      await step('reverse twice', () => reverseFund(ctx, 3, '再退'));
      await step('reverse a reversal', () => reverseFund(ctx, 5, '撤销'));
      await step('reverse in, to zero', () => reverseFund(ctx, 1, '拨款撤回'));
      await step('entry', () => getEntry(ctx.db, 3));
      await step('funds', () => listFunds(ctx.db));
      await step('funds stations', () => listFunds(ctx.db, { action: '爱心驿站' }));
      await step('funds from April', () => listFunds(ctx.db, { from: '2026-04-01', to: '2026-06-30' }));
      await step('balances', () => fundBalances(ctx.db));
      await step('balances to March', () => fundBalances(ctx.db, { to: '2026-03-31' }));
      await step('balance stations', () => actionBalance(ctx.db, 'stations'));
      await step('lowest from April', () => lowestBalanceFrom(ctx.db, 'stations', '2026-04-01'));
      await step('movements', async () => Object.fromEntries(await fundMovements(ctx.db, { from: '2026-01-01', to: '2026-06-30' })));

      const tables = await dumpTables(ctx.db, ['stations', 'station_amenities', 'fund_entries', 'audit_log']);
      expect({ steps, tables }).toMatchSnapshot();
    } finally {
      await close();
    }
  });
});

// Stations at their edges, in process: amenity lists as clerks type them, the station sheet's columns
// read by their Chinese headers, a station import run twice (the second changes nothing), each
// field's window and the refusals that name it, updates of one field at a time with a masked trail,
// codes given after a hand-typed one, and which stations an audit of a past period counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/context.js';
import { UnavailableError } from '../../src/errors.js';
import { runImport } from '../../src/domain/imports/run.js';
import { amenityLabel, parseAmenities } from '../../src/domain/stations/amenities.js';
import { auditStations } from '../../src/domain/stations/audit.js';
import { stationImportPlan, stationRowParser, STATION_HEADERS } from '../../src/domain/stations/import.js';
import { getStation, listStations } from '../../src/domain/stations/read.js';
import { addStation, checkStationFields, closeStation, setStationAmenities, updateStation } from '../../src/domain/stations/write.js';
import { mapHeaders } from '../../src/import/headers.js';
import type { FileMeta, ParsedBatch } from '../../src/import/records.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';
import { failingClock, onDay } from '../helpers/scenario.js';

let ctx: Ctx;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ ctx, close } = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' }));
});
afterAll(() => close());

describe('amenity lists', () => {
  it('reads any separator a clerk types, Chinese names too, each item once', () => {
    expect(parseAmenities(' seating ,, water ; 微波炉|cooling、reading，medicine charging')).toEqual([
      'seating',
      'water',
      'microwave',
      'cooling',
      'reading',
      'medicine',
      'charging',
    ]);
    expect(parseAmenities(',seating,')).toEqual(['seating']);
    expect(parseAmenities(['seating', 'water,桌椅'])).toEqual(['seating', 'water']);
    expect(parseAmenities(undefined)).toEqual([]);
    expect(parseAmenities('')).toEqual([]);
  });

  it('refuses an unknown item, naming it and listing what is accepted', async () => {
    const refusal = (await refusalOf(() => parseAmenities('seating,sauna'))) as { key: string; params: { value: string; accepted: string } };
    expect(refusal.key).toBe('station.unknown_amenity');
    expect(refusal.params.value).toBe('sauna');
    expect(refusal.params.accepted).toMatch(/^seating（桌椅）, water（.+）, microwave（微波炉）/);
  });

  it('labels an item by its Chinese name, and an unknown key as itself', () => {
    expect([amenityLabel('seating'), amenityLabel('microwave'), amenityLabel('sauna')]).toEqual(['桌椅', '微波炉', 'sauna']);
  });
});

describe('the station sheet', () => {
  const header = ['驿站编号', '驿站名称', '所属社区', '详细地址', '依托单位', '负责人', '联系电话', '开放时间', '配备设施', '启用日期', '药品有效期'];
  const map = mapHeaders(header, STATION_HEADERS, stationRowParser.required);

  it('reads every column by its Chinese header', () => {
    const cells = ['st0101', '夹马营驿站', '夹马营社区', '西关路1号', '区总工会', '王站长', '0379-63111111', '9:00-18:00', '桌椅、饮水', '2024-05-01', '2027-05-01'];
    expect(stationRowParser.parse(map, cells, 2)).toEqual({
      input: {
        code: 'st0101',
        name: '夹马营驿站',
        community: '夹马营社区',
        address: '西关路1号',
        host: '区总工会',
        contactName: '王站长',
        contactPhone: '0379-63111111',
        hours: '9:00-18:00',
        amenities: '桌椅、饮水',
        openedOn: '2024-05-01',
        medicineExpiresOn: '2027-05-01',
      },
      key: 'st0101',
    });
    const parsed = stationRowParser.parse(map, cells, 2);
    expect([stationRowParser.keyOf!(parsed), stationRowParser.keyField!(parsed)]).toEqual(['st0101', 'code']);
  });

  it('keys a row without a code by its community and name', () => {
    const parsed = stationRowParser.parse(map, ['', '夹马营驿站', '夹马营社区'], 2);
    expect(parsed.input.code).toBeUndefined();
    expect([stationRowParser.keyOf!(parsed), stationRowParser.keyField!(parsed)]).toEqual(['夹马营社区\u0000夹马营驿站', 'name']);
  });

  it('refuses a row without a name or a community, naming the field', async () => {
    expect(await refusalOf(() => stationRowParser.parse(map, ['ST1', ' ', '夹马营社区'], 2))).toEqual({ key: 'reject.required', params: { field: 'name' } });
    expect(await refusalOf(() => stationRowParser.parse(map, ['ST1', '驿站', ''], 2))).toEqual({ key: 'reject.required', params: { field: 'community' } });
  });
});

describe('importing stations', () => {
  type Parsed = ReturnType<typeof stationRowParser.parse>;
  let files = 0;
  const importRows = (rows: Parsed['input'][], on: Ctx = ctx) => {
    files += 1;
    const sha = `e${files}`.padEnd(64, '0');
    const meta: FileMeta = { path: '/x/驿站.csv', name: '驿站.csv', size: 10, sha256: sha, encoding: 'utf-8', bom: true, delimiter: ',', format: 'csv' };
    const batch: ParsedBatch<Parsed> = { items: rows.map((input, i) => ({ row: i + 2, value: { input, key: String(i) } })), contentSha256: sha };
    async function* batches() {
      yield batch;
    }
    return runImport(on, meta, batches(), stationImportPlan(on, { createCommunity: true }));
  };
  const sheet = [
    { code: 'BT01', name: '白塔驿站', community: '白塔社区', amenities: 'seating' },
    { name: '白塔二号驿站', community: '白塔社区', hours: '全天' },
  ];

  it('inserts new stations, then leaves the same sheet unchanged and updates what changed', async () => {
    expect(await importRows(sheet)).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(await importRows(sheet)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(
      await importRows([
        { ...sheet[0]!, amenities: 'seating,water' },
        { ...sheet[1]!, hours: '8:00-20:00' },
      ]),
    ).toMatchObject({ updated: 2, unchanged: 0 });
    expect((await getStation(ctx.db, 'BT01')).amenities).toEqual(['seating', 'water']);
    expect(await ctx.db.selectFrom('imports').select('kind').distinct().execute()).toEqual([{ kind: 'stations' }]);
  });

  it('turns a rule’s refusal into the row’s, and stops on a fault that is not a row’s', async () => {
    const report = await importRows([{ code: 'BT09', name: '驿站', community: '白塔社区', amenities: 'sauna' }]);
    expect(report.rejects).toEqual([expect.objectContaining({ key: 'station.unknown_amenity', row: 2 })]);
    const row = [{ code: 'BT10', name: '驿站', community: '白塔社区' }];
    await expect(importRows(row, failingClock(ctx, new UnavailableError({ key: 'db.busy' })))).rejects.toMatchObject({ key: 'db.busy' });
    await expect(importRows(row, failingClock(ctx, new Error('disk went away')))).rejects.toThrow('disk went away');
  });
});

describe('station fields', () => {
  it('takes a landline or a mobile with spaces, and refuses anything else, naming the field', async () => {
    const station = await addStation(ctx, { name: '西关驿站', community: '西关社区', contactPhone: ' 0379 6311 1111 ' }, { createCommunity: true });
    expect(station.contactPhone).toBe('037963111111');
    for (const value of ['tel 0379-63111111', '0379-63111111x', '123456', '+86 138 0013 8000 00000000']) {
      expect(await refusalOf(() => checkStationFields({ contactPhone: value }, '2026-11-29'))).toMatchObject({ key: 'invalid.phone', params: { field: 'phone' } });
    }
    expect(() => checkStationFields({ contactPhone: '+86 138 0013 8000', openedOn: '2024-05-01' }, '2026-11-29')).not.toThrow();
  });

  it('opens from 2000 to a year ahead; medicine from 2000 to ten years ahead', async () => {
    expect(() => checkStationFields({ openedOn: '2000-01-01', medicineExpiresOn: '2036-11-29' }, '2026-11-29')).not.toThrow();
    expect(await refusalOf(() => checkStationFields({ openedOn: '1999-12-31' }, '2026-11-29'))).toMatchObject({
      key: 'invalid.date_early',
      params: { field: 'opened', min: '2000-01-01' },
    });
    expect(await refusalOf(() => checkStationFields({ medicineExpiresOn: '2036-11-30' }, '2026-11-29'))).toMatchObject({
      key: 'invalid.date_late',
      params: { field: 'medicine-expires', max: '2036-11-29' },
    });
    expect(await refusalOf(() => checkStationFields({ medicineExpiresOn: '1999-12-31' }, '2026-11-29'))).toMatchObject({
      params: { field: 'medicine-expires', min: '2000-01-01' },
    });
  });

  it('refuses a station without a community, naming the field', async () => {
    expect(await refusalOf(() => addStation(ctx, { name: '某驿站', community: ' ' }))).toEqual({ key: 'invalid.required', params: { field: 'community' } });
  });

  it('numbers a new station after the highest ST code, ignoring codes that only start like one', async () => {
    await addStation(ctx, { code: 'ST0007', name: '七号', community: '西关社区' });
    await addStation(ctx, { code: 'ST0009A', name: '九号甲', community: '西关社区' });
    expect((await addStation(ctx, { name: '八号', community: '西关社区' })).code).toBe('ST0008');
  });
});

describe('updating a station', () => {
  it('changes only what is given; a blank date is no date given', async () => {
    await addStation(ctx, { code: 'DG01', name: '东关驿站', community: '东关社区', amenities: 'seating', openedOn: '2025-01-01' }, { createCommunity: true });
    const amenitiesOnly = await updateStation(ctx, 'DG01', { amenities: 'seating,microwave', openedOn: ' ' });
    expect(amenitiesOnly).toMatchObject({ amenities: ['seating', 'microwave'], openedOn: '2025-01-01', name: '东关驿站' });
  });

  it('moves a station to a community made for it when asked', async () => {
    expect((await updateStation(ctx, 'DG01', { community: '新建社区' }, { createCommunity: true })).community).toBe('新建社区');
    expect(await refusalOf(() => updateStation(ctx, 'DG01', { community: '另一个新社区' }))).toMatchObject({ key: 'community.not_found' });
  });

  it('keeps the contact phone masked in the trail', async () => {
    await updateStation(ctx, 'DG01', { contactPhone: '13800138000' });
    await updateStation(ctx, 'DG01', { contactPhone: '13900139000' });
    const details = (
      await ctx.db.selectFrom('audit_log').select('detail').where('entity', '=', 'station').where('entity_key', '=', 'DG01').where('action', '=', 'update').execute()
    ).map((r) => r.detail!);
    expect(details.at(-1)).toContain('"contactPhone":["138****8000","139****9000"]');
    expect(details.join('')).not.toMatch(/13[89]0013[89]000/);
  });

  it('refuses the same item set and unset, naming it; dates the medicine within its window', async () => {
    expect(await refusalOf(() => setStationAmenities(ctx, 'DG01', { set: 'water,medicine', unset: 'water' }))).toEqual({
      key: 'station.set_and_unset',
      params: { items: 'water' },
    });
    expect(await refusalOf(() => setStationAmenities(ctx, 'DG01', { set: 'medicine', medicineExpires: '2037-01-01' }))).toMatchObject({ params: { field: 'medicine-expires' } });
    expect(await setStationAmenities(ctx, 'DG01', { set: 'medicine', medicineExpires: '2027-06-30' })).toMatchObject({ medicineExpiresOn: '2027-06-30' });
  });
});

describe('lists and audits', () => {
  it('lists the stations of given communities (none for none) and those missing an item', async () => {
    expect(await listStations(ctx.db, { communityIds: [] })).toEqual([]);
    const withSeating = (await listStations(ctx.db)).filter((s) => s.amenities.includes('seating')).map((s) => s.code);
    expect(withSeating).toEqual(expect.arrayContaining(['BT01', 'DG01']));
    const missingSeating = (await listStations(ctx.db, { missing: 'seating' })).map((s) => s.code);
    expect(missingSeating).not.toContain('BT01');
    expect(missingSeating).toContain('ST0007');
  });

  it('counts a station closed after the period began, not one closed on its first day or before', async () => {
    await addStation(onDay(ctx, '2026-06-01'), { code: 'HP01', name: '和平里驿站', community: '和平里社区' }, { createCommunity: true });
    await addStation(ctx, { code: 'HP02', name: '和平里二号', community: '和平里社区' });
    await addStation(ctx, { code: 'HP03', name: '和平里三号', community: '和平里社区' });
    await closeStation(onDay(ctx, '2026-06-15'), 'HP01', '房屋到期');
    await closeStation(onDay(ctx, '2026-06-14'), 'HP03', '拆迁');
    const codes = async (includeClosedAfter?: string) =>
      (await auditStations(ctx.db, { today: '2026-11-29', community: '和平里社区', includeClosedAfter })).stations.map((s) => s.code);
    expect(await codes()).toEqual(['HP02']);
    expect(await codes('2026-06-14')).toEqual(['HP01', 'HP02']);
    expect(await codes('2026-06-15')).toEqual(['HP02']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { parseAmenities, STANDARD_ITEMS } from '../../src/domain/stations/amenities.js';
import { auditStations, medicineState } from '../../src/domain/stations/audit.js';
import { addStation, closeStation, reopenStation, setStationAmenities, updateStation } from '../../src/domain/stations/write.js';
import { listStations } from '../../src/domain/stations/read.js';
import { listAudit } from '../../src/domain/audit.js';
import { freshCtx } from '../helpers/db.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function setup(today = '2026-11-29') {
  const fresh = await freshCtx({ today });
  cleanup = fresh.close;
  await addCommunity(fresh.ctx, { name: '夹马营社区', subdistrict: '西关街道' });
  await addCommunity(fresh.ctx, { name: '东关社区', subdistrict: '东关街道' });
  return fresh.ctx;
}

describe('amenities', () => {
  it('accepts keys and Chinese labels with Chinese separators', () => {
    expect(parseAmenities('seating，饮水机、微波炉 空调')).toEqual(['seating', 'water', 'microwave', 'cooling']);
  });
  it('refuses an unknown item and lists the accepted ones', () => {
    expect(() => parseAmenities('sauna')).toThrow(/station.unknown_amenity/);
  });
});

describe('stations', () => {
  it('assigns codes in sequence and normalises full-width input', async () => {
    const ctx = await setup();
    const a = await addStation(ctx, { name: '　夹马营路爱心驿站 ', community: '夹马营社区' });
    const b = await addStation(ctx, { name: 'Ｂ站', community: '东关社区', amenities: 'seating' });
    expect([a.code, b.code]).toEqual(['ST0001', 'ST0002']);
    expect(a.name).toBe('夹马营路爱心驿站');
    expect(b.name).toBe('B站');
  });

  it('refuses a duplicate code and an unknown community, suggesting the closest', async () => {
    const ctx = await setup();
    await addStation(ctx, { code: 'X1', name: 'A', community: '夹马营社区' });
    await expect(addStation(ctx, { code: 'X1', name: 'B', community: '夹马营社区' })).rejects.toMatchObject({ kind: 'refused', key: 'station.exists' });
    await expect(addStation(ctx, { name: 'C', community: '夹马营' })).rejects.toMatchObject({
      kind: 'not_found',
      params: { suggestions: '夹马营社区' },
    });
    expect(await listStations(ctx.db)).toHaveLength(1);
  });

  it('creates a community only when asked', async () => {
    const ctx = await setup();
    const s = await addStation(ctx, { name: 'N', community: '新社区' }, { createCommunity: true });
    expect(s.community).toBe('新社区');
  });

  it('sets and unsets amenities and keeps the history in the audit trail', async () => {
    const ctx = await setup();
    await addStation(ctx, { code: 'A', name: 'A', community: '夹马营社区', amenities: 'seating,water', contactPhone: '13800138000' });
    const s = await setStationAmenities(ctx, 'A', { set: 'microwave,medicine', unset: 'water', medicineExpires: '2027/1/5' });
    expect(s.amenities).toEqual(['seating', 'microwave', 'medicine']);
    expect(s.medicineExpiresOn).toBe('2027-01-05');
    const history = await listAudit(ctx.db, { entity: 'station', entityKey: 'A' });
    expect(history.map((h) => h.action)).toEqual(['create', 'amenities']);
    expect(JSON.stringify(history)).not.toContain('13800138000');
  });

  it('closes and reopens, refusing a second close', async () => {
    const ctx = await setup();
    await addStation(ctx, { code: 'A', name: 'A', community: '夹马营社区' });
    const closed = await closeStation(ctx, 'A', '场地改造');
    expect(closed).toMatchObject({ status: 'closed', closedReason: '场地改造', closedOn: '2026-11-29' });
    await expect(closeStation(ctx, 'A', 'again')).rejects.toMatchObject({ kind: 'refused' });
    expect((await reopenStation(ctx, 'A')).status).toBe('open');
    await expect(reopenStation(ctx, 'A')).rejects.toMatchObject({ kind: 'refused' });
  });

  it('updates only the fields given', async () => {
    const ctx = await setup();
    await addStation(ctx, { code: 'A', name: 'A', community: '夹马营社区', hours: '8:00-20:00', address: '夹马营路1号' });
    const s = await updateStation(ctx, 'A', { hours: '9:00-21:00' });
    expect(s).toMatchObject({ hours: '9:00-21:00', address: '夹马营路1号' });
  });
});

describe('station audit', () => {
  it('scores against the standard and flags medicine', async () => {
    const ctx = await setup('2026-11-29');
    await addStation(ctx, { code: 'FULL', name: 'Full', community: '夹马营社区', amenities: STANDARD_ITEMS.join(','), medicineExpiresOn: '2027-06-01' });
    await addStation(ctx, { code: 'SOON', name: 'Soon', community: '夹马营社区', amenities: STANDARD_ITEMS.join(','), medicineExpiresOn: '2026-12-20' });
    await addStation(ctx, { code: 'OLD', name: 'Old', community: '东关社区', amenities: STANDARD_ITEMS.join(','), medicineExpiresOn: '2026-11-28' });
    await addStation(ctx, { code: 'HALF', name: 'Half', community: '东关社区', amenities: 'seating,water,microwave,cooling,reading,medicine' });
    await addStation(ctx, { code: 'SHUT', name: 'Shut', community: '东关社区' });
    await closeStation(ctx, 'SHUT', 'closed');
    const audit = await auditStations(ctx.db, { today: '2026-11-29' });
    const byCode = Object.fromEntries(audit.stations.map((s) => [s.code, s]));
    expect(Object.keys(byCode).sort()).toEqual(['FULL', 'HALF', 'OLD', 'SOON']);
    expect(byCode.FULL).toMatchObject({ score: 100, compliant: true, medicine: 'ok' });
    expect(byCode.SOON).toMatchObject({ compliant: true, medicine: 'expiring' });
    expect(byCode.OLD).toMatchObject({ score: 100, compliant: false, medicine: 'expired' });
    expect(byCode.HALF).toMatchObject({ score: 50, missing: ['charging', 'signage', 'fixed_site', 'rules', 'staff', 'on_map'], medicine: 'unknown' });
    expect(audit.totals).toEqual({ stations: 4, fullyEquipped: 2, withGaps: 2, averageScore: 88, medicineExpired: 1, medicineExpiring: 1 });
    expect(audit.byCommunity).toEqual([
      { community: '东关社区', stations: 2, fullyEquipped: 0, averageScore: 75 },
      { community: '夹马营社区', stations: 2, fullyEquipped: 2, averageScore: 100 },
    ]);
  });

  it('medicine state boundaries', () => {
    expect(medicineState(true, '2026-12-29', '2026-11-29')).toBe('expiring');
    expect(medicineState(true, '2026-12-30', '2026-11-29')).toBe('ok');
    expect(medicineState(true, '2026-11-29', '2026-11-29')).toBe('expiring');
    expect(medicineState(true, '2026-11-28', '2026-11-29')).toBe('expired');
    expect(medicineState(false, null, '2026-11-29')).toBe('none');
  });
});

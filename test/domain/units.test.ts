// The units registry at its edges: names found exactly, in another case or not at all; a unit a ledger
// registers on the fly; the contact phone as typed; every refusal of add, update and list with what it
// names; and a unit's record in order.
import { describe, expect, it } from 'vitest';
import { fundIn, fundOut, reverseFund } from '../../src/domain/funds/ledger.js';
import { inTransaction } from '../../src/domain/context.js';
import { assignAction } from '../../src/domain/plan/actions.js';
import { unitRecord } from '../../src/domain/units/record.js';
import { addUnit, ensureUnit, findUnit, listUnits, updateUnit } from '../../src/domain/units/units.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';

const sixty = '单'.repeat(60);

describe('finding a unit', () => {
  it('by its name, by Latin letters in another case when only one reads so, or not at all', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      await addUnit(ctx, { name: 'SF顺丰速运', type: 'company' });
      await addUnit(ctx, { name: '区总工会', type: 'union' });
      expect((await findUnit(ctx.db, ' 区总工会 ')).name).toBe('区总工会');
      expect((await findUnit(ctx.db, 'sf顺丰速运')).name).toBe('SF顺丰速运');
      expect(await refusalOf(() => findUnit(ctx.db, '顺丰速运'))).toEqual({
        key: 'unit.not_found_suggest',
        params: { name: '顺丰速运', suggestions: 'SF顺丰速运' },
        hint: 'unit.not_found.hint',
      });
      // Two names that differ only in case: each is found by its own.
      await addUnit(ctx, { name: 'sf顺丰速运', type: 'company' });
      expect((await findUnit(ctx.db, 'sf顺丰速运')).type).toBe('company');
      expect((await findUnit(ctx.db, 'SF顺丰速运')).name).toBe('SF顺丰速运');
      await updateUnit(ctx, 'sf顺丰速运', { name: '顺丰速运西关站' });
      expect(await refusalOf(() => findUnit(ctx.db, '顺丰速运'))).toMatchObject({ params: { suggestions: 'SF顺丰速运, 顺丰速运西关站' } });
    } finally {
      await close();
    }
  });

  it('registers a unit a ledger names, once, as other', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      const made = await inTransaction(ctx, (trx) => ensureUnit(trx, ctx, ' 夹马营物业 '));
      const again = await inTransaction(ctx, (trx) => ensureUnit(trx, ctx, '夹马营物业'));
      expect([made, again]).toEqual([
        { id: 1, created: true },
        { id: 1, created: false },
      ]);
      expect(await findUnit(ctx.db, '夹马营物业')).toMatchObject({ type: 'other' });
      expect(await inTransaction(ctx, (trx) => ensureUnit(trx, ctx, sixty))).toMatchObject({ created: true });
      expect(await refusalOf(() => inTransaction(ctx, (trx) => ensureUnit(trx, ctx, `${sixty}位`)))).toEqual({ key: 'unit.name_too_long', params: { limit: 60 } });
      const audit = await ctx.db.selectFrom('audit_log').select(['action', 'entity_key', 'detail']).where('entity', '=', 'unit').orderBy('id').executeTakeFirstOrThrow();
      expect({ ...audit, detail: JSON.parse(audit.detail!) }).toEqual({ action: 'create', entity_key: '夹马营物业', detail: { type: 'other', from: 'test' } });
    } finally {
      await close();
    }
  });
});

describe('adding and correcting a unit', () => {
  it('refuses a blank, long, taken or mistyped name, and a phone that is not one', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      expect(await refusalOf(() => addUnit(ctx, { name: ' ', type: 'union' }))).toEqual({ key: 'invalid.required', params: { field: 'name' } });
      expect(await refusalOf(() => addUnit(ctx, { name: `${sixty}位`, type: 'union' }))).toEqual({ key: 'unit.name_too_long', params: { limit: 60 } });
      expect(await refusalOf(() => addUnit(ctx, { name: sixty, type: 'union' }))).toBe('accepted');
      expect(await refusalOf(() => addUnit(ctx, { name: '区总工会', type: '银行' }))).toMatchObject({ key: 'unit.bad_type', params: { value: '银行' } });
      expect(await addUnit(ctx, { name: '区总工会', type: '总工会', phone: ' 0379-6320 0000 ' })).toMatchObject({ type: 'union', contactPhone: '0379-63200000' });
      expect(await refusalOf(() => addUnit(ctx, { name: '区总工会', type: 'union' }))).toEqual({ key: 'unit.exists', params: { name: '区总工会' } });
      for (const phone of ['电话', 'x0379-63200000', '0379-63200000x', '123456']) {
        expect(await refusalOf(() => addUnit(ctx, { name: '物业', type: 'other', phone }))).toEqual({ key: 'invalid.phone', params: { field: 'phone', value: phone } });
      }
      expect(await addUnit(ctx, { name: '物业', type: 'other', phone: '+8613800138000' })).toMatchObject({ contactPhone: '+8613800138000' });
    } finally {
      await close();
    }
  });

  it('corrects name, type, parent and contact, refusing what would be wrong', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      await addUnit(ctx, { name: '区总工会', type: 'union' });
      await addUnit(ctx, { name: '西关街道工会', type: 'union', parent: '区总工会' });
      expect(await refusalOf(() => updateUnit(ctx, '区总工会', { name: ' ' }))).toEqual({ key: 'invalid.required', params: { field: 'name' } });
      expect(await refusalOf(() => updateUnit(ctx, '区总工会', { name: `${sixty}位` }))).toEqual({ key: 'unit.name_too_long', params: { limit: 60 } });
      expect(await refusalOf(() => updateUnit(ctx, '区总工会', { type: '银行' }))).toMatchObject({ key: 'unit.bad_type', params: { value: '银行' } });
      expect(await refusalOf(() => updateUnit(ctx, '区总工会', { phone: '电话' }))).toMatchObject({ key: 'invalid.phone' });
      expect(await refusalOf(() => updateUnit(ctx, '区总工会', { name: '西关街道工会' }))).toEqual({ key: 'unit.exists', params: { name: '西关街道工会' } });
      expect(await refusalOf(() => updateUnit(ctx, '区总工会', {}))).toMatchObject({ key: 'unit.nothing_to_change' });
      expect(await refusalOf(() => updateUnit(ctx, '区总工会', { parent: '西关街道工会' }))).toEqual({ key: 'unit.parent_loop', params: { name: '区总工会' } });
      // Its own name again is no clash.
      expect(await updateUnit(ctx, '区总工会', { name: '区总工会', type: 'department', contact: '王主席', phone: '0379 6320 0000' })).toMatchObject({
        name: '区总工会',
        type: 'department',
        contactName: '王主席',
        contactPhone: '037963200000',
      });
      expect(await updateUnit(ctx, '西关街道工会', { name: sixty })).toMatchObject({ name: sixty });
      expect(await updateUnit(ctx, '区总工会', { name: '洛阳市西区总工会', phone: '' })).toMatchObject({ name: '洛阳市西区总工会', contactPhone: null });
    } finally {
      await close();
    }
  });

  it('lists by type (departments first) and by parent, refusing a type it does not know', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      await addUnit(ctx, { name: '区总工会', type: 'union' });
      await addUnit(ctx, { name: '区卫健委', type: 'department' });
      await addUnit(ctx, { name: '西关街道工会', type: 'union', parent: '区总工会' });
      expect((await listUnits(ctx.db)).map((u) => u.name)).toEqual(['区卫健委', '区总工会', '西关街道工会']);
      expect((await listUnits(ctx.db, { type: '工会' })).map((u) => u.name)).toEqual(['区总工会', '西关街道工会']);
      expect((await listUnits(ctx.db, { parent: '区总工会' })).map((u) => u.name)).toEqual(['西关街道工会']);
      expect(await refusalOf(() => listUnits(ctx.db, { type: '银行' }))).toMatchObject({ key: 'unit.bad_type', params: { value: '银行' } });
    } finally {
      await close();
    }
  });
});

describe('a unit’s record', () => {
  it('lists its actions newest year first, then in the order of the Ten Ones, and money it gave net of reversals', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      await addUnit(ctx, { name: '区总工会', type: 'union' });
      await assignAction(ctx, { action: 'wishes', year: 2025, lead: '区总工会' });
      await assignAction(ctx, { action: 'wishes', year: 2026, lead: '区总工会' });
      await assignAction(ctx, { action: 'stations', year: 2026, lead: '区总工会' });
      await fundIn(ctx, { from: '区总工会', amount: '100', action: 'stations', date: '2026-11-01' });
      await fundIn(ctx, { from: '区总工会', amount: '50', action: 'skills', date: '2026-11-01' });
      await fundOut(ctx, { action: 'stations', amount: '10', purpose: '桌椅', date: '2026-11-02' });
      await reverseFund(ctx, 2, '录错');
      const record = await unitRecord(ctx.db, '区总工会', '2026-11-29');
      expect(record.actions.map((a) => `${a.year} ${a.action}`)).toEqual(['2026 stations', '2026 wishes', '2025 wishes']);
      expect(record.funds).toEqual([{ action: 'stations', fen: 10000 }]);
    } finally {
      await close();
    }
  });
});

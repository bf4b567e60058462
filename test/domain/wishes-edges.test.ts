// Micro-wishes at their edges: the collection sheet's headers and rows, the import that keeps a
// re-saved sheet from adding a wish twice, and db check naming a wish whose state or sponsor is wrong.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addUnit } from '../../src/domain/units/units.js';
import { WISH_HEADERS, wishImportPlan, wishRowParser } from '../../src/domain/wishes/import.js';
import { WISH_INVARIANTS } from '../../src/domain/wishes/invariants.js';
import { addWish, claimWish, publishWishes } from '../../src/domain/wishes/write.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { NuanxinError } from '../../src/errors.js';
import { mapHeaders } from '../../src/import/headers.js';
import { RowRejection } from '../../src/import/parse-records.js';
import { freshCtx } from '../helpers/db.js';
import { onPostgres } from '../helpers/pg.js';

async function outcome(run: () => Promise<unknown> | unknown): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NuanxinError) return { key: error.key, params: error.params };
    if (error instanceof RowRejection) return { key: error.reason.key, params: error.reason.params };
    throw error;
  }
}

describe('the wish collection sheet', () => {
  const cases = Object.entries(WISH_HEADERS).flatMap(([field, labels]) => labels.map((label) => [label, field] as const));
  it('has the headers clerks write', () => {
    expect(cases).toEqual([
      ['心愿', 'title'],
      ['心愿内容', 'title'],
      ['微心愿', 'title'],
      ['标题', 'title'],
      ['类别', 'category'],
      ['心愿类别', 'category'],
      ['分类', 'category'],
      ['手机号码', 'worker'],
      ['手机号', 'worker'],
      ['联系电话', 'worker'],
      ['phone', 'worker'],
      ['集体', 'site'],
      ['站点', 'site'],
      ['网点', 'site'],
      ['单位', 'site'],
      ['集体名称', 'site'],
      ['详情', 'detail'],
      ['说明', 'detail'],
      ['具体需求', 'detail'],
      ['预估金额', 'estimate'],
      ['预算', 'estimate'],
      ['金额', 'estimate'],
      ['预估金额(元)', 'estimate'],
      ['estimate_yuan', 'estimate'],
      ['来源', 'source'],
      ['收集方式', 'source'],
      ['收集日期', 'collected_on'],
      ['日期', 'collected_on'],
      ['collected', 'collected_on'],
      ['驿站编号', 'station'],
      ['驿站', 'station'],
      ['社区', 'community'],
      ['所属社区', 'community'],
      ['所在社区', 'community'],
      ['姓名', 'name'],
    ]);
  });

  it.each(cases)('header %s is the %s column', (label, field) => {
    const headers = field === 'title' ? [label, '类别'] : field === 'category' ? ['心愿', label] : ['心愿', '类别', label];
    const map = mapHeaders(headers, WISH_HEADERS, wishRowParser.required);
    expect(map.index[field as keyof typeof map.index]).toBe(headers.indexOf(label));
    expect(map.unknown).toEqual([]);
  });

  it('reads a row; refuses one without a title or with a phone that is not a mobile', async () => {
    const headers = ['心愿', '类别', '手机号码', '集体', '详情', '预估金额', '来源', '收集日期', '驿站编号', '社区'];
    const map = mapHeaders(headers, WISH_HEADERS, wishRowParser.required);
    const row = (cells: string[]) => outcome(() => wishRowParser.parse(map, cells, 2));
    expect(await row([' 电饭煲 ', '家用电器', '138-0013-8000', '', '三口人', '199', '走访', '2026-11-20', 'ST0001', ' 夹马营社区 '])).toEqual({
      title: '电饭煲',
      category: '家用电器',
      worker: '13800138000',
      site: undefined,
      detail: '三口人',
      estimate: '199',
      source: '走访',
      collectedOn: '2026-11-20',
      station: 'ST0001',
      community: '夹马营社区',
      key: '13800138000\u0000电饭煲',
    });
    expect(await row(['护膝', '', '', '顺丰站点', '', '', '', '', '', ''])).toMatchObject({ category: '', worker: undefined, site: '顺丰站点', key: '顺丰站点\u0000护膝' });
    expect(await row(['护膝', 'daily', '', '', '', '', '', '', '', ''])).toMatchObject({ key: '\u0000护膝' });
    expect(await row([' ', 'daily', '13800138000', '', '', '', '', '', '', ''])).toEqual({ key: 'reject.required', params: { field: 'title' } });
    expect(await row(['x', 'daily', '1380013800', '', '', '', '', '', '', ''])).toEqual({ key: 'reject.phone', params: { value: '1380013800' } });
    expect(await row(['x', 'daily', '1.38001E+10', '', '', '', '', '', '', ''])).toEqual({ key: 'reject.phone_excel', params: { value: '1.38001E+10' } });
    expect(wishRowParser.keyOf?.({ title: 'x', category: 'daily', key: 'k' })).toBe('k');
    expect(wishRowParser.keyField?.({ title: 'x', category: 'daily', key: 'k' })).toBe('title');
    expect(wishRowParser.dateFields).toEqual(['collected_on']);
  });

  it('adds each who + what once, and refuses a row the rules refuse', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider' });
      const plan = wishImportPlan(ctx);
      expect([plan.kind, plan.tables]).toEqual(['wishes', ['wishes', 'wish_events']]);
      const imported = await ctx.db
        .insertInto('imports')
        .values({ kind: 'wishes', file_name: 'w.csv', sha256: 'x', size: 1, at: 'x', operator: 'tester', source: null, encoding: 'utf-8', content_sha256: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const apply = (row: Parameters<typeof plan.apply>[1]) => outcome(() => inTransaction(ctx, async (trx) => plan.apply(trx, row, imported.id, 2)));
      expect(await apply({ title: '电饭煲', category: 'appliance', worker: '13800138000', key: 'a' })).toBe('inserted');
      expect(await apply({ title: ' 电饭煲 ', category: 'appliance', worker: '13800138000', key: 'a' })).toBe('unchanged');
      expect(await apply({ title: '护膝', category: 'daily', site: '顺丰站点', key: 'b' })).toBe('inserted');
      expect(await apply({ title: '护膝', category: 'daily', site: '顺丰站点', key: 'b' })).toBe('unchanged');
      expect(await apply({ title: '护膝', category: 'daily', site: '美团站点', key: 'c' })).toBe('inserted');
      expect(await apply({ title: '电饭煲', category: 'appliance', site: '顺丰站点', key: 'd' })).toBe('inserted');
      expect(await apply({ title: '玩具', category: '玩具', worker: '13800138000', key: 'e' })).toMatchObject({ key: 'wish.bad_category' });
      expect(await apply({ title: '玩具', category: 'other', worker: '13900139000', key: 'f' })).toMatchObject({ key: 'worker.not_found' });
      const rows = await ctx.db.selectFrom('wishes').select(['title', 'site', 'import_id']).orderBy('id').execute();
      expect(rows).toEqual([
        { title: '电饭煲', site: null, import_id: imported.id },
        { title: '护膝', site: '顺丰站点', import_id: imported.id },
        { title: '护膝', site: '美团站点', import_id: imported.id },
        { title: '电饭煲', site: '顺丰站点', import_id: imported.id },
      ]);
    } finally {
      await close();
    }
  });
});

describe.skipIf(onPostgres)('[SQLite] db check on wishes', () => {
  it('names a wish whose state is not its timeline’s last, and a claimed wish with no sponsor', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      await addCommunity(ctx, { name: '夹马营社区' });
      await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider' });
      await addUnit(ctx, { name: '区总工会', type: 'union' });
      for (const title of ['电饭煲', '护膝']) await addWish(ctx, { title, category: 'daily', worker: '13800138000' });
      await publishWishes(ctx, {});
      await claimWish(ctx, 2, { sponsor: '区总工会' });
      const run = async () => (await Promise.all(WISH_INVARIANTS.map((i) => i.run(ctx.db)))).flat();
      expect(await run()).toEqual([]);
      await sql`update wishes set status = 'fulfilled' where id = 1`.execute(ctx.db);
      await sql`update wishes set sponsor_id = null where id = 2`.execute(ctx.db);
      // A wish written around nuanxin, with no timeline at all.
      await sql`insert into wishes (title, category, site, source, collected_on, status, created_at, updated_at)
        values ('书包', 'child', '站点', 'other', '2026-11-29', 'listed', 'x', 'x')`.execute(ctx.db);
      expect(WISH_INVARIANTS.map((i) => i.name)).toEqual(["every wish's state matches the last entry of its timeline", 'claimed and later wishes name a sponsor']);
      expect(await run()).toEqual([
        {
          check: WISH_INVARIANTS[0]!.name,
          key: 'dbcheck.detail.wish_state',
          params: { id: 1, status: 'fulfilled', last: 'listed' },
          terms: { status: 'wish_status', last: 'wish_status' },
        },
        {
          check: WISH_INVARIANTS[0]!.name,
          key: 'dbcheck.detail.wish_state',
          params: { id: 3, status: 'listed', last: '' },
          terms: { status: 'wish_status', last: 'wish_status' },
        },
        { check: WISH_INVARIANTS[1]!.name, key: 'dbcheck.detail.wish', params: { id: 1 } },
        { check: WISH_INVARIANTS[1]!.name, key: 'dbcheck.detail.wish', params: { id: 2 } },
      ]);
    } finally {
      await close();
    }
  });
});

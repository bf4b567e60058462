// A roster kept by hand for a month, compared whole: what each step returns (or why it is refused), the
// lists and searches a clerk runs, each worker's history, and every row left in workers, their history,
// the reveal log and the audit log. The snapshot beside this file was read against the rules when it
// was written. And the field parsers, value by value.
import { describe, expect, it } from 'vitest';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { parseGender, parseMobile, parseOccupation } from '../../src/domain/workers/fields.js';
import { findWorker, listWorkers, workerHistory } from '../../src/domain/workers/read.js';
import { addWorker, logReveal, purgeWorker, setWorkerActive, updateWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { scenarioRecorder } from '../helpers/scenario.js';
import { dumpTables } from '../helpers/dump.js';
import { onPostgres } from '../helpers/pg.js';

const ZHANG = '13800138000';
const LI = '13900139000';
const WANG = '13700137000';

describe.skipIf(onPostgres)('[SQLite] a roster kept by hand, compared whole', () => {
  it('returns, refuses and records exactly what it did when the snapshot was read', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' });
    const { steps, step } = scenarioRecorder();
    try {
      await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
      await addCommunity(ctx, { name: '和平里社区', subdistrict: '和平里街道' });

      await step('add zhang', () =>
        addWorker(ctx, {
          name: ' 张三 ',
          phone: '+86 138-0013-8000',
          idNumber: '41030419900307008x',
          gender: '男',
          occupation: '外卖骑手',
          platform: '美团',
          site: '西关站',
          community: '夹马营社区',
          joinedOn: '2025-03-01',
          note: '夜班',
        }),
      );
      await step('add li', () => addWorker(ctx, { name: '李四', phone: LI, occupation: 'courier', community: '和平里社区', gender: 'F' }));
      await step('add wang', () => addWorker(ctx, { name: '王五', phone: WANG, occupation: 'taxi' }));
      await step('same phone', () => addWorker(ctx, { name: '张三丰', phone: ZHANG, occupation: 'rider' }));
      await step('same id number', () => addWorker(ctx, { name: '赵六', phone: '13600136000', occupation: 'rider', idNumber: '41030419900307008X' }));
      await step('bad phone', () => addWorker(ctx, { name: '赵六', phone: '1380013800', occupation: 'rider' }));
      await step('excel phone', () => addWorker(ctx, { name: '赵六', phone: '1.38001E+10', occupation: 'rider' }));
      await step('bad id', () => addWorker(ctx, { name: '赵六', phone: '13600136000', occupation: 'rider', idNumber: '410304199003070021' }));
      await step('bad occupation', () => addWorker(ctx, { name: '赵六', phone: '13600136000', occupation: '厨师' }));
      await step('no name', () => addWorker(ctx, { name: ' ', phone: '13600136000', occupation: 'rider' }));
      await step('unknown community', () => addWorker(ctx, { name: '赵六', phone: '13600136000', occupation: 'rider', community: '夹马营' }));
      await step('future join', () => addWorker(ctx, { name: '赵六', phone: '13600136000', occupation: 'rider', joinedOn: '2026-12-01' }));

      await step('update li', () => updateWorker(ctx, LI, { platform: '顺丰', community: '夹马营社区', note: '换了站点' }));
      await step('update nothing new', () => updateWorker(ctx, LI, { platform: '顺丰' }));
      await step('new phone', () => updateWorker(ctx, WANG, { newPhone: '13500135000' }));
      await step('new phone taken', () => updateWorker(ctx, '13500135000', { newPhone: ZHANG }));
      await step('update unknown', () => updateWorker(ctx, '13600136000', { name: '谁' }));
      await step('deactivate no reason', () => setWorkerActive(ctx, LI, false, ' '));
      await step('deactivate', () => setWorkerActive(ctx, LI, false, '离职'));
      await step('deactivate twice', () => setWorkerActive(ctx, LI, false, '离职'));
      await step('reactivate', () => setWorkerActive(ctx, LI, true));
      await step('reactivate twice', () => setWorkerActive(ctx, LI, true));
      await step('reveal no reason', () => logReveal(ctx, [1, 2], ['phone'], ''));
      await step('reveal', () => logReveal(ctx, [1, 2], ['phone', 'id_number'], '核对慰问名单'));
      await step('purge no reason', () => purgeWorker(ctx, '13500135000', ''));
      await step('purge', () => purgeWorker(ctx, '13500135000', '本人要求删除'));
      await step('purge twice', () => purgeWorker(ctx, '13500135000', '再删'));
      await step('update purged', () => updateWorker(ctx, '3', { name: '王五' }));

      await step('find by id number', () => findWorker(ctx.db, '41030419900307008X'));
      await step('find by id', () => findWorker(ctx.db, '2'));
      await step('find missing', () => findWorker(ctx.db, '13600136000'));
      await step('list', () => listWorkers(ctx.db));
      await step('list 夹马营', () => listWorkers(ctx.db, { community: '夹马营社区' }));
      await step('list riders', () => listWorkers(ctx.db, { occupation: 'rider' }));
      await step('list 顺丰', () => listWorkers(ctx.db, { platform: '顺丰' }));
      await step('list inactive', () => listWorkers(ctx.db, { active: false }));
      await step('search name', () => listWorkers(ctx.db, { search: '李' }));
      await step('search last digits', () => listWorkers(ctx.db, { search: '8000' }));
      await step('search middle digits', () => listWorkers(ctx.db, { search: '0013' }));
      await step('search middle digits revealed', () => listWorkers(ctx.db, { search: '0013', searchRevealed: true }));
      await step('list limit', () => listWorkers(ctx.db, { limit: 1 }));
      await step('history li', () => workerHistory(ctx.db, 2));
      await step('history purged', () => workerHistory(ctx.db, 3));

      const tables = await dumpTables(ctx.db, ['workers', 'worker_history', 'access_log', 'audit_log']);
      expect({ steps, tables }).toMatchSnapshot();
    } finally {
      await close();
    }
  });
});

describe('worker fields, value by value', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['(138)00138000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['19912345678', '19912345678'],
  ])('%s is the mobile %s', (raw, phone) => {
    expect(parseMobile(raw)).toEqual({ ok: true, phone });
  });

  it.each([
    ['1.38001E+10', true],
    ['1.38E10', true],
    ['12800138000', false],
    ['1380013800', false],
    ['138001380001', false],
    ['86138001380', false],
    ['021-12345678', false],
    ['', false],
  ])('%s is not a mobile (Excel mangled it: %s)', (raw, excel) => {
    expect(parseMobile(raw)).toEqual({ ok: false, excel, value: raw });
  });

  it.each([
    ['男', 'male'],
    ['女', 'female'],
    ['M', 'male'],
    ['f', 'female'],
    ['Male', 'male'],
    ['female', 'female'],
    ['未知', undefined],
    ['mf', undefined],
  ])('gender %s is %s', (raw, gender) => {
    expect(parseGender(raw)).toBe(gender);
  });

  it.each([
    ['外卖骑手', 'rider'],
    ['rider', 'rider'],
    ['Rider', 'rider'],
    ['快递员', 'courier'],
    ['网约车司机', 'ride_hailing'],
    ['出租车司机', 'taxi'],
    ['货车司机', 'truck'],
    ['网络主播', 'streamer'],
    ['厨师', undefined],
  ])('occupation %s is %s', (raw, occupation) => {
    expect(parseOccupation(raw)).toBe(occupation);
  });
});

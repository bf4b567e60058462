// A month of the points programme in one district, compared whole: what each step returns (or why it
// is refused) and every row it leaves in the ledger, the stock, the teams and the audit log. The
// snapshot beside this file was read line by line against the rules when it was written; a change to
// it is a change of behaviour, to be read the same way.
import { describe, expect, it } from 'vitest';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addGift, addRule, listGifts, listRules, restockGift, retireGift, retireRule, updateRule } from '../../src/domain/points/catalogue.js';
import { expirePoints } from '../../src/domain/points/expiry.js';
import { award, redeem, reverse } from '../../src/domain/points/operations.js';
import { ledger, statement, top, workerBalance } from '../../src/domain/points/queries.js';
import { addTeam, changeMembership, listTeams, showTeam } from '../../src/domain/points/teams.js';
import { setSetting } from '../../src/domain/settings.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { scenarioRecorder } from '../helpers/scenario.js';
import { dumpTables } from '../helpers/dump.js';
import { onPostgres } from '../helpers/pg.js';

const ZHANG = '13800138000';
const LI = '13900139000';
const WANG = '13700137000';

describe.skipIf(onPostgres)('[SQLite] a month of points, compared whole', () => {
  it('returns, refuses and records exactly what it did when the snapshot was read', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' });
    const { steps, step } = scenarioRecorder();
    try {
      await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
      await addCommunity(ctx, { name: '和平里社区', subdistrict: '西关街道' });
      await addWorker(ctx, { name: '张三', phone: ZHANG, occupation: 'rider', community: '夹马营社区' });
      await addWorker(ctx, { name: '李四', phone: LI, occupation: 'courier', community: '和平里社区' });
      await addWorker(ctx, { name: '王五', phone: WANG, occupation: 'taxi', community: '夹马营社区' });

      // The catalogue.
      await step('rule errand', () => addRule(ctx, { code: 'errand', name: '爱心跑腿', points: 10, dailyCap: 2, description: '为老人跑腿' }));
      await step('rule patrol', () => addRule(ctx, { code: 'patrol', name: '安全巡查', points: 5 }));
      await step('rule hazard', () => addRule(ctx, { code: 'hazard', name: '隐患报送', points: 8, dailyCap: 3 }));
      await step('rule again', () => addRule(ctx, { code: 'errand', name: '重复', points: 1 }));
      await step('rule no name', () => addRule(ctx, { code: 'x', name: '  ', points: 1 }));
      await step('rule zero points', () => addRule(ctx, { code: 'x', name: 'x', points: 0 }));
      await step('rule update', () => updateRule(ctx, 'patrol', { name: '夜间安全巡查', points: 6, dailyCap: 4, description: '夜间' }));
      await step('rule cap off', () => updateRule(ctx, 'hazard', { dailyCap: 0 }));
      await step('rule by name', () => updateRule(ctx, '爱心跑腿', { points: 12 }));
      await step('rule unknown', () => updateRule(ctx, 'nope', { points: 1 }));
      await step('gift raincoat', () => addGift(ctx, { code: 'raincoat', name: '骑手雨衣', cost: 20, stock: 2, donor: '区总工会' }));
      await step('gift cup', () => addGift(ctx, { code: 'cup', name: '保温杯', cost: 15, stock: 0 }));
      await step('gift again', () => addGift(ctx, { code: 'cup', name: '保温杯', cost: 15, stock: 1 }));
      await step('restock cup', () => restockGift(ctx, 'cup', 3, '爱心企业捐赠'));
      await step('restock by name', () => restockGift(ctx, '骑手雨衣', 1));
      await step('restock zero', () => restockGift(ctx, 'cup', 0));

      // Earning: the cap per worker and day, a ref once, points set by hand with a reason, a past date.
      await step('award 1', () => award(ctx, { worker: ZHANG, rule: 'errand', note: '代购药品' }));
      await step('award 2', () => award(ctx, { worker: ZHANG, rule: 'errand' }));
      await step('award over cap', () => award(ctx, { worker: ZHANG, rule: 'errand' }));
      await step('award other worker', () => award(ctx, { worker: LI, rule: 'errand' }));
      await step('award yesterday', () => award(ctx, { worker: ZHANG, rule: 'errand', date: '2026-11-28' }));
      await step('award ref', () => award(ctx, { worker: LI, rule: 'hazard', ref: 'HZ-001' }));
      await step('award ref again', () => award(ctx, { worker: WANG, rule: 'hazard', ref: 'HZ-001' }));
      await step('award by hand', () => award(ctx, { worker: WANG, rule: 'patrol', points: 30, reason: '暴雨夜巡查' }));
      await step('award by hand, no reason', () => award(ctx, { worker: WANG, rule: 'patrol', points: 30 }));
      await step('award future', () => award(ctx, { worker: WANG, rule: 'patrol', date: '2026-12-25' }));
      await step('award unknown worker', () => award(ctx, { worker: '13600136000', rule: 'patrol' }));

      // Spending and corrections.
      await step('redeem', () => redeem(ctx, { worker: ZHANG, gift: 'raincoat' }));
      await step('redeem two', () => redeem(ctx, { worker: WANG, gift: 'cup', qty: 2 }));
      await step('redeem short', () => redeem(ctx, { worker: LI, gift: 'raincoat', qty: 2 }));
      await step('reverse award', () => reverse(ctx, 4, '录错了人'));
      await step('reverse redemption', () => reverse(ctx, 8, '保温杯退回'));
      await step('reverse twice', () => reverse(ctx, 8, '再退'));
      await step('reverse a reversal', () => reverse(ctx, 9, '撤销'));
      await step('reverse no reason', () => reverse(ctx, 2, ' '));
      await step('retire cup', () => retireGift(ctx, 'cup'));
      await step('redeem retired', () => redeem(ctx, { worker: WANG, gift: 'cup' }));
      await step('restock retired', () => restockGift(ctx, 'cup', 1));
      await step('retire hazard', () => retireRule(ctx, 'hazard'));
      await step('award retired rule', () => award(ctx, { worker: LI, rule: 'hazard' }));
      await step('retire again', () => retireRule(ctx, 'hazard'));

      // Teams.
      await step('team', () => addTeam(ctx, { name: '夹马营安全宣传队', community: '夹马营社区', focus: '交通安全' }));
      await step('team district', () => addTeam(ctx, { name: '区志愿服务队' }));
      await step('join', () => changeMembership(ctx, '夹马营安全宣传队', [ZHANG, WANG], false));
      await step('join twice', () => changeMembership(ctx, '夹马营安全宣传队', [ZHANG], false));
      await step('leave', () => changeMembership(ctx, '夹马营安全宣传队', [WANG], true));
      await step('leave twice', () => changeMembership(ctx, '夹马营安全宣传队', [WANG], true));
      await step('show team', () => showTeam(ctx.db, '夹马营安全宣传队'));
      await step('teams', () => listTeams(ctx.db));

      // Reading.
      await step('rules', () => listRules(ctx.db));
      await step('gifts', () => listGifts(ctx.db));
      await step('ledger all', () => ledger(ctx.db, {}));
      await step('ledger zhang', () => ledger(ctx.db, { worker: ZHANG }));
      await step('ledger errand from 29th', () => ledger(ctx.db, { rule: 'errand', from: '2026-11-29' }));
      await step('ledger to 28th', () => ledger(ctx.db, { to: '2026-11-28' }));
      await step('balance zhang', () => workerBalance(ctx.db, ZHANG));
      await step('balance wang', () => workerBalance(ctx.db, WANG));
      await step('statement', () => statement(ctx.db, ZHANG, '2026-11'));
      await step('top', () => top(ctx.db, {}));
      await step('top 夹马营 1', () => top(ctx.db, { community: '夹马营社区', limit: 1 }));
      await step('top from 29th', () => top(ctx.db, { from: '2026-11-29', to: '2026-11-29' }));

      // Expiry: points earned in 2024 expire after 2025; what was spent went first.
      const old = { ...ctx, clock: { ...ctx.clock, today: () => '2024-03-01' } };
      await step('award 2024', () => award(old, { worker: LI, rule: 'patrol', date: '2024-03-01' }));
      await step('expiry off', () => expirePoints(ctx, { asOf: '2026-01-01' }));
      await setSetting(ctx, 'points.expiry', 'end_of_following_year');
      await step('expiry 2025 end', () => expirePoints(ctx, { asOf: '2025-12-31' }));
      await step('expiry dry run', () => expirePoints(ctx, { asOf: '2026-01-01', dryRun: true }));
      await step('expiry', () => expirePoints(ctx, { asOf: '2026-01-01' }));
      await step('expiry again', () => expirePoints(ctx, { asOf: '2026-01-01' }));
      await step('balance li', () => workerBalance(ctx.db, LI));

      const tables = await dumpTables(ctx.db, [
        'point_rules',
        'gifts',
        'gift_stock_entries',
        'point_entries',
        'point_balances',
        'point_daily',
        'teams',
        'team_members',
        'audit_log',
      ]);
      expect({ steps, tables }).toMatchSnapshot();
    } finally {
      await close();
    }
  });
});

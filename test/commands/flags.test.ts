// The flag → options mapping of every verb, table-driven: each row is a command line, the verb it
// names, and exactly the options object and arguments its run function receives. The real command
// tree parses each line with a capture hook instead of the run functions (parseCommandLine in
// src/program.ts), so no database is opened or created. A verb without a row fails the test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/cli/messages/index.js';
import { UsageError } from '../../src/errors.js';
import { buildProgram, parseCommandLine } from '../../src/program.js';
import { runCli, tempDir } from '../helpers/cli.js';

const DB = join(tempDir(), 'never-created.db');
const io = () => ({ stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: { NUANXIN_DB: DB, NUANXIN_OPERATOR: 'tester' } });
const parse = (argv: string[]) => parseCommandLine(argv, { io: io(), t: translator() });

const P = '13800138000';
const Q = '13900139000';

type Row = [argv: string, command: string, opts: Record<string, unknown>, args?: string[]];

/** argv (split on spaces) → verb, options, arguments (default: none). */
const ROWS: Row[] = [
  // top-level verbs
  ['init', 'init', {}],
  ['init --json', 'init', { json: true }],
  ['audit', 'audit', {}],
  ['audit --since 2024-05-01 --entity 驿站 --format csv', 'audit', { since: '2024-05-01', entity: 'station', format: 'csv' }],
  ['audit --access --json', 'audit', { access: true, json: true }],
  ['completion bash', 'completion', {}, ['bash']],
  // db
  ['db path --json', 'db path', { json: true }],
  ['db status --format md', 'db status', { format: 'md' }],
  ['db migrate', 'db migrate', {}],
  ['db backup /tmp/x.db --force', 'db backup', { force: true }, ['/tmp/x.db']],
  ['db check --json', 'db check', { json: true }],
  // district and account
  ['district list --json', 'district list', { json: true }],
  ['district add 西城区 --json', 'district add', { json: true }, ['西城区']],
  ['account list --format csv', 'account list', { format: 'csv' }],
  [
    'account add wangfang --role community --scope 和平里 --password-stdin --json',
    'account add',
    { role: 'community', scope: '和平里', passwordStdin: true, json: true },
    ['wangfang'],
  ],
  ['account disable wangfang', 'account disable', {}, ['wangfang']],
  // community
  ['community add 夹马营社区 --subdistrict 东关街道', 'community add', { subdistrict: '东关街道' }, ['夹马营社区']],
  ['community list', 'community list', {}],
  [
    'community measures 夹马营社区 --set 门牌,热水 --unset 充电 --date 2024-05-01 --json',
    'community measures',
    { set: '门牌,热水', unset: '充电', date: '2024-05-01', json: true },
    ['夹马营社区'],
  ],
  // station
  ['station add --name 东关驿站 --community 夹马营社区', 'station add', { name: '东关驿站', community: '夹马营社区' }],
  [
    'station add --code ST9 --name 东关驿站 --community 新社区 --create-community --subdistrict 东关街道 --address 东关1号 --host 工会 --contact 王芳 --phone 13800138000 --hours 8-20 --amenities 桌椅,药品 --opened 2024-01-02 --medicine-expires 2025-01-02 --json',
    'station add',
    {
      code: 'ST9',
      name: '东关驿站',
      community: '新社区',
      createCommunity: true,
      subdistrict: '东关街道',
      address: '东关1号',
      host: '工会',
      contact: '王芳',
      phone: P,
      hours: '8-20',
      amenities: '桌椅,药品',
      opened: '2024-01-02',
      medicineExpires: '2025-01-02',
      json: true,
    },
  ],
  ['station list --status 已关闭 --missing 药品 --community 夹马营社区', 'station list', { status: 'closed', missing: '药品', community: '夹马营社区' }],
  ['station show ST0001 --format json', 'station show', { format: 'json' }, ['ST0001']],
  ['station update ST0001 --hours 9-18 --create-community', 'station update', { hours: '9-18', createCommunity: true }, ['ST0001']],
  [
    'station amenities ST0001 --set 微波炉 --unset 空调 --medicine-expires 2025-06-30',
    'station amenities',
    { set: '微波炉', unset: '空调', medicineExpires: '2025-06-30' },
    ['ST0001'],
  ],
  ['station close ST0001 --reason 拆迁', 'station close', { reason: '拆迁' }, ['ST0001']],
  ['station reopen ST0001 --json', 'station reopen', { json: true }, ['ST0001']],
  ['station import stations.csv', 'station import', { encoding: 'auto' }, ['stations.csv']],
  ['station import stations.csv --create-community --dry-run --encoding gb18030', 'station import', { createCommunity: true, dryRun: true, encoding: 'gb18030' }, ['stations.csv']],
  ['station audit --fail-on-gaps --community 夹马营社区', 'station audit', { failOnGaps: true, community: '夹马营社区' }],
  // worker
  [
    'worker import roster.csv --dry-run --strict --rejects bad.csv --source 美团 --blank-clears --deactivate-missing --platform 美团 --force --json',
    'worker import',
    { dryRun: true, strict: true, encoding: 'auto', rejects: 'bad.csv', source: '美团', blankClears: true, deactivateMissing: true, platform: '美团', force: true, json: true },
    ['roster.csv'],
  ],
  ['worker import 花名册.xlsx --sheet 2', 'worker import', { encoding: 'auto', sheet: '2' }, ['花名册.xlsx']],
  ['worker imports --json', 'worker imports', { json: true }],
  ['worker template --out 模板.xlsx', 'worker template', { out: '模板.xlsx' }],
  ['worker add --name 张三 --phone 13800138000 --occupation 骑手', 'worker add', { name: '张三', phone: P, occupation: '骑手' }],
  [
    'worker add --name 张三 --phone 13800138000 --occupation rider --platform 美团 --community 夹马营社区 --subdistrict 东关街道 --site 东关站 --id-number 110101199001011234 --gender 男 --joined 2023-01-01 --note 夜班',
    'worker add',
    {
      name: '张三',
      phone: P,
      occupation: 'rider',
      platform: '美团',
      community: '夹马营社区',
      subdistrict: '东关街道',
      site: '东关站',
      idNumber: '110101199001011234',
      gender: '男',
      joined: '2023-01-01',
      note: '夜班',
    },
  ],
  ['worker show 13800138000 --reveal --reason 核对', 'worker show', { reveal: true, reason: '核对' }, [P]],
  ['worker list --occupation 外卖骑手 --active --limit 0 --search 张', 'worker list', { occupation: 'rider', active: true, limit: 0, search: '张' }],
  ['worker list --inactive --platform 美团 --format csv', 'worker list', { inactive: true, platform: '美团', format: 'csv' }],
  ['worker list --format xlsx --out 劳动者.xlsx', 'worker list', { format: 'xlsx', out: '劳动者.xlsx' }],
  ['worker update 13800138000 --new-phone 13900139000 --note 换号', 'worker update', { newPhone: Q, note: '换号' }, [P]],
  ['worker deactivate 13800138000 --reason 离职', 'worker deactivate', { reason: '离职' }, [P]],
  ['worker reactivate 7', 'worker reactivate', {}, ['7']],
  // No --format: the --out name chooses, else CSV (decided when the command runs).
  ['worker export', 'worker export', {}],
  ['worker export --format xlsx --out 花名册.xlsx', 'worker export', { format: 'xlsx', out: '花名册.xlsx' }],
  [
    'worker export --format json --out w.json --reveal --reason 上报 --occupation courier',
    'worker export',
    { format: 'json', out: 'w.json', reveal: true, reason: '上报', occupation: 'courier' },
  ],
  ['worker purge 13800138000 --reason 本人要求', 'worker purge', { reason: '本人要求' }, [P]],
  // points
  [
    'points rule add VOL --name 志愿服务 --points 5 --daily-cap 2 --description 每次',
    'points rule add',
    { name: '志愿服务', points: 5, dailyCap: 2, description: '每次' },
    ['VOL'],
  ],
  ['points rule list --json', 'points rule list', { json: true }],
  ['points rule update VOL --points -3', 'points rule update', { points: -3 }, ['VOL']],
  ['points rule retire VOL', 'points rule retire', {}, ['VOL']],
  ['points award 13800138000 --rule VOL', 'points award', { rule: 'VOL' }, [P]],
  [
    'points award 13800138000 --rule VOL --date 2024-05-01 --note 清扫 --ref R1 --points ２０ --reason 加倍 --json',
    'points award',
    { rule: 'VOL', date: '2024-05-01', note: '清扫', ref: 'R1', points: 20, reason: '加倍', json: true },
    [P],
  ],
  ['points import awards.csv --strict', 'points import', { strict: true, encoding: 'auto' }, ['awards.csv']],
  ['points redeem 13800138000 --gift TOWEL', 'points redeem', { gift: 'TOWEL', qty: 1 }, [P]],
  ['points redeem 13800138000 --gift TOWEL --qty 3', 'points redeem', { gift: 'TOWEL', qty: 3 }, [P]],
  ['points reverse 42 --reason 误录', 'points reverse', { reason: '误录' }, ['42']],
  ['points balance 13800138000', 'points balance', {}, [P]],
  ['points statement 13800138000 --month 2024-05 --format md', 'points statement', { month: '2024-05', format: 'md' }, [P]],
  ['points ledger --worker 13800138000 --rule VOL --from 2024-05-01 --to 2024-05-31', 'points ledger', { worker: P, rule: 'VOL', from: '2024-05-01', to: '2024-05-31' }],
  ['points top', 'points top', { limit: 10 }],
  ['points top --community 夹马营社区 --limit 3', 'points top', { community: '夹马营社区', limit: 3 }],
  ['points expire --as-of 2024-12-31 --dry-run', 'points expire', { asOf: '2024-12-31', dryRun: true }],
  // team
  ['team add 红骑手 --community 夹马营社区 --focus 巡查', 'team add', { community: '夹马营社区', focus: '巡查' }, ['红骑手']],
  ['team add 全区骑手安全宣传队 --focus safety', 'team add', { focus: 'safety' }, ['全区骑手安全宣传队']],
  ['team join 红骑手 13800138000 13900139000', 'team join', {}, ['红骑手', P, Q]],
  ['team leave 红骑手 13800138000 --json', 'team leave', { json: true }, ['红骑手', P]],
  ['team list', 'team list', {}],
  ['team show 红骑手 --json', 'team show', { json: true }, ['红骑手']],
  // gift
  ['gift add TOWEL --name 毛巾 --cost 50 --stock 20 --donor 工会', 'gift add', { name: '毛巾', cost: 50, stock: 20, donor: '工会' }, ['TOWEL']],
  ['gift list --format csv', 'gift list', { format: 'csv' }],
  ['gift restock TOWEL --qty 10 --note 补货', 'gift restock', { qty: 10, note: '补货' }, ['TOWEL']],
  ['gift retire TOWEL', 'gift retire', {}, ['TOWEL']],
  // sponsor
  ['sponsor add 区工会 --type 工会 --contact 李明 --phone 13800138000', 'sponsor add', { type: 'union', contact: '李明', phone: P }, ['区工会']],
  ['sponsor list', 'sponsor list', {}],
  ['sponsor show 区工会 --format json', 'sponsor show', { format: 'json' }, ['区工会']],
  // unit, action, target (the district office)
  ['unit add 区委社会工作部 --type 部门', 'unit add', { type: 'department' }, ['区委社会工作部']],
  [
    'unit add 顺丰东关营业部 --type 企业 --parent 顺丰速运 --contact 王经理 --phone 13800138000 --json',
    'unit add',
    { type: 'company', parent: '顺丰速运', contact: '王经理', phone: P, json: true },
    ['顺丰东关营业部'],
  ],
  ['unit list --type 街道办 --parent 区委社会工作部 --format csv', 'unit list', { type: 'subdistrict_office', parent: '区委社会工作部', format: 'csv' }],
  ['unit show 区总工会 --json', 'unit show', { json: true }, ['区总工会']],
  [
    'unit update 党群服务中心 --type 党群服务中心 --name 夹马营社区党群服务中心 --parent 区委社会工作部',
    'unit update',
    { type: 'party_service_centre', name: '夹马营社区党群服务中心', parent: '区委社会工作部' },
    ['党群服务中心'],
  ],
  [
    'action assign 9 --lead 区人社局 --responsible 东关街道办 西关街道办 --year 2026',
    'action assign',
    { lead: '区人社局', responsible: ['东关街道办', '西关街道办'], year: '2026' },
    ['9'],
  ],
  ['action assign 微心愿 --lead 区委社会工作部 --json', 'action assign', { lead: '区委社会工作部', json: true }, ['微心愿']],
  ['action list --year 2026 --format md', 'action list', { year: '2026', format: 'md' }],
  ['target set 爱心驿站 open 6 --year 2026', 'target set', { year: '2026' }, ['爱心驿站', 'open', '6']],
  ['target set wishes fulfilled 40 --subdistrict 张掖路街道 --json', 'target set', { subdistrict: '张掖路街道', json: true }, ['wishes', 'fulfilled', '40']],
  ['target set 5 sites 3 --community 夹马营社区', 'target set', { community: '夹马营社区' }, ['5', 'sites', '3']],
  ['target list --year 2026 --action 9 --subdistrict 东关街道 --format csv', 'target list', { year: '2026', action: '9', subdistrict: '东关街道', format: 'csv' }],
  ['target clear wishes fulfilled --subdistrict 张掖路街道 --year 2026', 'target clear', { subdistrict: '张掖路街道', year: '2026' }, ['wishes', 'fulfilled']],
  ['target metrics --json', 'target metrics', { json: true }],
  // wish
  ['wish add --title 电动车头盔 --category 生活用品 --worker 13800138000', 'wish add', { title: '电动车头盔', category: '生活用品', worker: P }],
  [
    'wish add --title 图书角 --category learning --site 东关站 --detail 儿童读物 --estimate 300 --source 心愿箱 --collected-on 2024-05-01 --station ST0001 --json',
    'wish add',
    { title: '图书角', category: 'learning', site: '东关站', detail: '儿童读物', estimate: '300', source: '心愿箱', collectedOn: '2024-05-01', station: 'ST0001', json: true },
  ],
  [
    'wish add --title 微波炉 --category 家用电器 --site 顺丰营业部 --community 东关社区',
    'wish add',
    { title: '微波炉', category: '家用电器', site: '顺丰营业部', community: '东关社区' },
  ],
  ['wish import wishes.csv --encoding utf-8', 'wish import', { encoding: 'utf-8' }, ['wishes.csv']],
  ['wish list-publish --category 家用电器', 'wish list-publish', { category: '家用电器' }],
  ['wish list-publish --date 2026-01-03', 'wish list-publish', { date: '2026-01-03' }],
  ['wish claim 3 --sponsor 区工会 --date 2026-01-05', 'wish claim', { sponsor: '区工会', date: '2026-01-05' }, ['3']],
  ['wish claim 3 --sponsor 区工会 --pledge 200 --due 2024-06-30', 'wish claim', { sponsor: '区工会', pledge: '200', due: '2024-06-30' }, ['3']],
  [
    'wish fulfil 3 --cost 180 --date 2024-06-01 --note 已送达 --evidence photo.jpg',
    'wish fulfil',
    { cost: '180', date: '2024-06-01', note: '已送达', evidence: 'photo.jpg' },
    ['3'],
  ],
  ['wish follow-up 3 --note 很满意', 'wish follow-up', { note: '很满意' }, ['3']],
  ['wish release 3 --reason 无法兑现', 'wish release', { reason: '无法兑现' }, ['3']],
  ['wish cancel 3 --reason 重复', 'wish cancel', { reason: '重复' }, ['3']],
  ['wish show 3', 'wish show', {}, ['3']],
  [
    'wish list --status 已认领 --category 电器 --sponsor 区工会 --community 夹马营社区 --overdue --stale',
    'wish list',
    { status: 'claimed', category: 'appliance', sponsor: '区工会', community: '夹马营社区', overdue: true, stale: true },
  ],
  // event
  ['event add --type 心理咨询 --title 减压讲座 --date 2024-05-20', 'event add', { type: 'counselling', title: '减压讲座', date: '2024-05-20' }],
  [
    'event add --type first_aid --title 急救 --date 2024-05-20 --station ST0001 --capacity 30 --organiser 红十字会 --rule VOL --json',
    'event add',
    { type: 'first_aid', title: '急救', date: '2024-05-20', station: 'ST0001', capacity: 30, organiser: '红十字会', rule: 'VOL', json: true },
  ],
  [
    'event list --type 体检 --from 2024-05-01 --to 2024-05-31 --community 夹马营社区',
    'event list',
    { type: 'checkup', from: '2024-05-01', to: '2024-05-31', community: '夹马营社区' },
  ],
  ['event show 5 --json', 'event show', { json: true }, ['5']],
  ['event attend 5 13800138000 13900139000 --over-capacity', 'event attend', { overCapacity: true }, ['5', P, Q]],
  ['event attend 5 --file sign-in.csv --dry-run --strict --rejects bad.csv', 'event attend', { file: 'sign-in.csv', dryRun: true, strict: true, rejects: 'bad.csv' }, ['5']],
  ['event attend 5 --file 签到表.xlsx --sheet 签到表', 'event attend', { file: '签到表.xlsx', sheet: '签到表' }, ['5']],
  ['event attend 5 --headcount 20 --note 20多名顺丰小哥', 'event attend', { headcount: 20, note: '20多名顺丰小哥' }, ['5']],
  ['event sheet 5 --out 签到表.xlsx --rows 40', 'event sheet', { out: '签到表.xlsx', rows: 40 }, ['5']],
  // childcare
  [
    'childcare site add 东关托管点 --community 夹马营社区 --capacity 20 --courses 书法,美术 --from 2024-07-01 --to 2024-08-31 --partner 团区委',
    'childcare site add',
    { community: '夹马营社区', capacity: 20, courses: '书法,美术', from: '2024-07-01', to: '2024-08-31', partner: '团区委' },
    ['东关托管点'],
  ],
  [
    'childcare enrol --site 东关托管点 --worker 13800138000 --child 小明 --age 8 --course 书法',
    'childcare enrol',
    { site: '东关托管点', worker: P, child: '小明', age: 8, course: '书法' },
  ],
  ['childcare withdraw 4 --json', 'childcare withdraw', { json: true }, ['4']],
  ['childcare list --status 候补 --site 东关托管点', 'childcare list', { status: 'waitlisted', site: '东关托管点' }],
  ['childcare list --sites --format csv', 'childcare list', { sites: true, format: 'csv' }],
  ['childcare volunteer add --site 东关托管点', 'childcare volunteer add', { site: '东关托管点', count: 1 }],
  ['childcare volunteer add --site 东关托管点 --count 4', 'childcare volunteer add', { site: '东关托管点', count: 4 }],
  [
    'childcare volunteer add --site 东关托管点 --count 6 --kind 大学生 --date 2024-07-01',
    'childcare volunteer add',
    { site: '东关托管点', count: 6, kind: 'student', date: '2024-07-01' },
  ],
  // housing
  ['housing apply --worker 13800138000 --household 3 --note 租房', 'housing apply', { worker: P, household: 3, note: '租房' }],
  ['housing assess 2 --ineligible --reason 收入超标', 'housing assess', { ineligible: true, reason: '收入超标' }, ['2']],
  ['housing allocate 2 --address 幸福小区1-101', 'housing allocate', { address: '幸福小区1-101' }, ['2']],
  ['housing withdraw 2 --reason 已购房', 'housing withdraw', { reason: '已购房' }, ['2']],
  ['housing list --status 已配租', 'housing list', { status: 'allocated' }],
  // dispute
  [
    'dispute open --worker 13800138000 --type 欠薪 --via 热线 --employer 某公司 --amount 3000 --summary 拖欠',
    'dispute open',
    { worker: P, type: 'wages', via: 'hotline', employer: '某公司', amount: '3000', summary: '拖欠' },
  ],
  ['dispute update 6 --status 调解中 --outcome 协商 --recovered 1500', 'dispute update', { status: 'mediating', outcome: '协商', recovered: '1500' }, ['6']],
  ['dispute update 6 --worker 13800138000', 'dispute update', { worker: P }, ['6']],
  [
    'dispute open --caller 刘师傅 --phone 13600136000 --community 东关社区 --type wages --via hotline --date 2024-05-01',
    'dispute open',
    { caller: '刘师傅', phone: '13600136000', community: '东关社区', type: 'wages', via: 'hotline', date: '2024-05-01' },
  ],
  ['dispute list --status resolved --open-longer-than 30', 'dispute list', { status: 'resolved', openLongerThan: 30 }],
  // care
  ['care visit --worker 13800138000 --date 2024-05-02 --by 社区书记', 'care visit', { worker: P, date: '2024-05-02', by: '社区书记', kind: 'illness' }],
  [
    'care visit --worker 13800138000 --date 2024-05-02 --by 社区书记 --kind 节日慰问 --support-yuan 200 --note 端午',
    'care visit',
    { worker: P, date: '2024-05-02', by: '社区书记', kind: 'festival', supportYuan: '200', note: '端午' },
  ],
  ['care list --from 2024-05-01 --to 2024-05-31', 'care list', { from: '2024-05-01', to: '2024-05-31' }],
  // opinion
  ['opinion add 希望延长开放时间 --topic 休息 --from 13800138000', 'opinion add', { topic: 'rest', from: P }, ['希望延长开放时间']],
  [
    'opinion add 缺充电桩 --topic charging --from 顺丰东关营业部 --community 东关社区 --date 2024-05-02 --note 早会 --json',
    'opinion add',
    { topic: 'charging', from: '顺丰东关营业部', community: '东关社区', date: '2024-05-02', note: '早会', json: true },
    ['缺充电桩'],
  ],
  ['opinion update 4 --status 已转办 --to 区住建局 --date 2024-05-03', 'opinion update', { status: 'referred', to: '区住建局', date: '2024-05-03' }, ['4']],
  ['opinion update 4 --status resolved --note 已增设 --json', 'opinion update', { status: 'resolved', note: '已增设', json: true }, ['4']],
  ['opinion list --open --topic 停车 --format csv', 'opinion list', { open: true, topic: 'parking', format: 'csv' }],
  // visit, publicity, fund
  [
    'visit add --to 顺丰速运夹马营路营业部 --by 王芳 --date 2026-11-20 --workers-met 25 --action 微心愿 --community 夹马营社区 --note 早会',
    'visit add',
    { to: '顺丰速运夹马营路营业部', by: '王芳', date: '2026-11-20', workersMet: 25, action: '微心愿', community: '夹马营社区', note: '早会' },
  ],
  [
    'visit list --from 2026-11-01 --to 2026-11-30 --action wishes --community 夹马营社区 --format csv',
    'visit list',
    { from: '2026-11-01', to: '2026-11-30', action: 'wishes', community: '夹马营社区', format: 'csv' },
  ],
  [
    'publicity add --action 微心愿 --channel 公众号 --title 圆梦记 --date 2026-11-20 --url https://mp.weixin.qq.com/s/x --reach 3200 --unit 区委社会工作部 --community 东关社区 --wish 3 --json',
    'publicity add',
    {
      action: '微心愿',
      channel: 'wechat',
      title: '圆梦记',
      date: '2026-11-20',
      url: 'https://mp.weixin.qq.com/s/x',
      reach: 3200,
      unit: '区委社会工作部',
      community: '东关社区',
      wish: 3,
      json: true,
    },
  ],
  ['publicity list --action 4 --from 2026-01-01 --format md', 'publicity list', { action: '4', from: '2026-01-01', format: 'md' }],
  [
    'fund in --from 区总工会 --amount 20000 --action 微心愿 --date 2026-03-01 --community 东关社区 --note 专项',
    'fund in',
    { from: '区总工会', amount: '20000', action: '微心愿', date: '2026-03-01', community: '东关社区', note: '专项' },
  ],
  [
    'fund out --action 1 --amount 1280.50 --purpose 微波炉 --for station ST0001 --json',
    'fund out',
    { action: '1', amount: '1280.50', purpose: '微波炉', for: ['station', 'ST0001'], json: true },
  ],
  ['fund reverse 7 --reason 录错', 'fund reverse', { reason: '录错' }, ['7']],
  ['fund list --action wishes --from 2026-01-01 --to 2026-12-31 --format csv', 'fund list', { action: 'wishes', from: '2026-01-01', to: '2026-12-31', format: 'csv' }],
  ['fund balance --action 微心愿 --json', 'fund balance', { action: '微心愿', json: true }],
  // merchant
  ['merchant add 老王面馆 --community 夹马营社区 --offers 热水,厕所', 'merchant add', { community: '夹马营社区', offers: '热水,厕所' }, ['老王面馆']],
  ['merchant list --community 夹马营社区', 'merchant list', { community: '夹马营社区' }],
  // config
  ['config list', 'config list', {}],
  ['config get district.name', 'config get', {}, ['district.name']],
  ['config set district.name 东关区 --json', 'config set', { json: true }, ['district.name', '东关区']],
  // report
  ['report weekly', 'report weekly', {}],
  ['report weekly --city --json', 'report weekly', { city: true, json: true }],
  ['report annual --city --year 2025', 'report annual', { city: true, year: '2025' }],
  ['report targets --city', 'report targets', { city: true }],
  ['report programme --city --format md', 'report programme', { city: true, format: 'md' }],
  ['report programme --format xlsx --out 十个一.xlsx', 'report programme', { format: 'xlsx', out: '十个一.xlsx' }],
  [
    'report weekly --week 2024-W20 --community 夹马营社区 --format html --out week.html',
    'report weekly',
    { week: '2024-W20', community: '夹马营社区', format: 'html', out: 'week.html' },
  ],
  ['report programme --from 2024-01-01 --to 2024-03-31 --json', 'report programme', { from: '2024-01-01', to: '2024-03-31', json: true }],
  ['report program --format md', 'report programme', { format: 'md' }],
  ['report stations --community 夹马营社区 --format csv', 'report stations', { community: '夹马营社区', format: 'csv' }],
  ['report points --week 2024-W20', 'report points', { week: '2024-W20' }],
  ['report wishes --format md', 'report wishes', { format: 'md' }],
  ['report community 夹马营社区 --week 2024-W20', 'report community', { week: '2024-W20' }, ['夹马营社区']],
  ['report workers --json', 'report workers', { json: true }],
  ['report weekly --subdistrict 张掖路街道 --format md', 'report weekly', { subdistrict: '张掖路街道', format: 'md' }],
  [
    'report targets --year 2026 --subdistrict 张掖路街道 --format xlsx --out 指标.xlsx',
    'report targets',
    { year: '2026', subdistrict: '张掖路街道', format: 'xlsx', out: '指标.xlsx' },
  ],
  ['report targets --community 夹马营社区 --json', 'report targets', { community: '夹马营社区', json: true }],
  ['report communities --week 2026-W47 --subdistrict 东关街道 --format csv', 'report communities', { week: '2026-W47', subdistrict: '东关街道', format: 'csv' }],
  ['report communities --year 2026 --out 各社区.xlsx', 'report communities', { year: '2026', out: '各社区.xlsx' }],
  ['report annual --year 2026 --format md --out 2026年度总结.md', 'report annual', { year: '2026', format: 'md', out: '2026年度总结.md' }],
  ['report annual --json --subdistrict 东关街道', 'report annual', { json: true, subdistrict: '东关街道' }],
];

const words = (line: string) => line.split(' ');

function leaves(cmd: Command, prefix: string[] = []): string[] {
  return cmd.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return sub.commands.length ? leaves(sub, path) : [path.join(' ')];
  });
}

describe('flags → options, verb by verb', () => {
  it.each(ROWS)('%s', async (line, command, opts, args = []) => {
    expect(await parse(words(line))).toEqual({ command, opts, args });
  });

  it('every verb of the tree has a row', async () => {
    const tree = await buildProgram({ io: io(), t: translator(), state: { exitCode: 0 } });
    const verbs = leaves(tree);
    expect(verbs.length).toBeGreaterThan(90);
    const covered = new Set(ROWS.map((r) => r[1]));
    expect(verbs.filter((v) => !covered.has(v))).toEqual([]);
    expect([...covered].filter((c) => !verbs.includes(c))).toEqual([]);
  });

  it('global options are not the verb’s (they reach it through its environment)', async () => {
    expect(await parse(['--db', DB, '--operator', '王', '--quiet', 'station', 'list', '--json'])).toEqual({ command: 'station list', opts: { json: true }, args: [] });
  });

  it('a refused value throws what a run reports', async () => {
    await expect(parse(words('points award 13800138000 --rule VOL --points 1e3'))).rejects.toThrow(UsageError);
    await expect(parse(words('wish list --status 已收到'))).rejects.toMatchObject({ key: 'usage.bad_choice', params: { flag: '--status', value: '已收到' } });
  });
});

describe('usage refusals exit 2 before anything runs', () => {
  const refusals: [line: string, says: RegExp][] = [
    ['points award 13800138000 --rule VOL --points abc', /invalid number "abc" for --points/],
    ['childcare enrol --site 东关托管点 --worker 13800138000 --child 小明 --age 1e3', /invalid number "1e3" for --age/],
    ['points top --limit 9007199254740993', /--limit 9007199254740993 is out of range/],
    ['event show x', /invalid number "x" for EVENT/],
    ['dispute update 6 --status 已受理', /invalid value "已受理" for --status/],
    ['wish list --category 汽车', /invalid value "汽车" for --category/],
    ['report weekly --format pdf', /pdf/],
    ['points award 13800138000', /--rule/],
    ['station list --colour', /--colour/],
    ['opinion update 4 --status open', /invalid value "open" for --status/],
    ['opinion add 太远 --topic 交通', /invalid value "交通" for --topic/],
    ['opinion add 太远', /--topic/],
    ['event sheet 5 --rows 几行', /invalid number "几行" for --rows/],
    ['event attend 5 --sheet 2', /--sheet needs --file/],
    ['event attend 5 --headcount 二十', /invalid number "二十" for --headcount/],
    ['childcare volunteer add --site 东关托管点 --kind 教师', /invalid value "教师" for --kind/],
    ['unit add 区总工会', /--type/],
    ['visit add --to 营业部', /--by/],
    ['publicity add --action 1 --channel 抖音 --title x', /invalid value "抖音" for --channel/],
    ['fund out --action 1 --amount 10 --purpose x --for station ST1 extra', /--for/],
    ['fund reverse x --reason y', /invalid number "x" for ID/],
    ['unit add 区总工会 --type 衙门', /invalid value "衙门" for --type/],
    ['action assign 9', /--lead/],
    ['target set 1 open', /value/],
  ];
  it.each(refusals)('%s', async (line, says) => {
    const r = await runCli(words(line), { env: { NUANXIN_DB: DB } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(says);
  });

  it('no row or refusal opened or created a database', () => {
    expect(existsSync(DB)).toBe(false);
  });
});

describe('one shape for every verb', () => {
  const root = fileURLToPath(new URL('../../src/commands/', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  const verbFiles = files(root).filter((f) => /\baction\(/.test(readFileSync(f, 'utf8')));
  // `points/rule/add.ts` → `PointsRuleAdd`
  const nameOf = (file: string) =>
    relative(root, file)
      .replace(/\.ts$/, '')
      .split(/[/_-]/)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('');

  it('one file per verb, each exporting its options type, register and run functions', async () => {
    const tree = await buildProgram({ io: io(), t: translator(), state: { exitCode: 0 } });
    expect(verbFiles).toHaveLength(leaves(tree).length);
    for (const file of verbFiles) {
      const text = readFileSync(file, 'utf8');
      const name = nameOf(file);
      expect([file, text.match(/\baction\(/g)?.length]).toEqual([file, 1]);
      expect(text, file).toContain(`export type ${name}Options = `);
      expect(text, file).toMatch(new RegExp(`export function register${name}\\(`));
      expect(text, file).toMatch(new RegExp(`export async function run${name}\\(env: CommandEnv, _?opts: ${name}Options, [^)]*: string\\[\\]\\): Promise<number \\| void>`));
      expect(text, file).toMatch(new RegExp(`action\\(.*, deps, run${name}\\);`));
    }
  });
});

// `npm run demo`: a fresh demo database loaded from fixtures/ (and activity generated
// around today's date), then the main job on it: a station audit and the programme report.
// Uses the built CLI in-process, exactly the commands a clerk would type.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bundle from '../dist/nuanxin.cjs';

const { nodeIo, run } = bundle;

const root = fileURLToPath(new URL('..', import.meta.url));
// NUANXIN_DEMO_DIR: somewhere else than .demo/ (the test that runs the demo uses a temp folder).
const dir = process.env.NUANXIN_DEMO_DIR ?? join(root, '.demo');
// NUANXIN_DEMO_DB: another database, e.g. an empty PostgreSQL database (postgres://…) to show the same on a server.
const db = process.env.NUANXIN_DEMO_DB ?? join(dir, 'nuanxin-demo.db');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const io = nodeIo();
const quiet = { ...io, stdout: { write: () => true } };
const env = { ...process.env, NUANXIN_OPERATOR: process.env.NUANXIN_OPERATOR ?? 'demo', LANG: process.env.LANG ?? 'zh_CN.UTF-8' };

async function step(argv, { show = false, at } = {}) {
  const code = await run(['--db', db, ...argv], { io: { ...(show ? io : quiet), env: at ? { ...env, NUANXIN_TODAY: at } : env } });
  if (code !== 0) {
    process.stderr.write(`demo step failed (exit ${code}): nuanxin ${argv.join(' ')}\n`);
    process.exit(code);
  }
}

// The demo speaks the language its commands speak (the same choice: --lang aside, NUANXIN_LANG, then the locale, else Chinese).
const english = /^en/i.test(env.NUANXIN_LANG ?? '') || (!env.NUANXIN_LANG && /^en/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || ''));
const say = (zh, en) => (english ? en : zh);

function banner(zh, en) {
  process.stdout.write(`\n== ${say(zh, en)} ==\n`);
}

// Deterministic "random" choices, so every demo looks the same for the same day.
let seed = 20241129;
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const iso = (d) => d.toISOString().slice(0, 10);
const today = new Date();
const daysAgo = (n) => iso(new Date(today.getTime() - n * 86_400_000));

// What is printed: a server URL without its password.
const shown = db.replace(/^(postgres(?:ql)?:\/\/[^:@/]+):[^@/]*@/i, '$1@');
process.stderr.write(`${say('演示数据库：', 'demo database: ')}${shown}\n`);
await step(['init']);
const communities = readFileSync(join(root, 'fixtures/communities.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','));
for (const [subdistrict, community] of communities) await step(['community', 'add', community, '--subdistrict', subdistrict]);

// The district office: the units of the seed, who owns each action this year, and this year's targets.
const year = iso(today).slice(0, 4);
for (const [name, type, parent] of [
  ['区委社会工作部', 'department'],
  ['区人社局', 'department'],
  ['区住建局', 'department'],
  ['区卫健委', 'department'],
  ['区司法局', 'department'],
  ['区总工会', 'union'],
  ['瀍河区妇联', 'organisation'],
  ['团区委', 'department'],
  ...[...new Set(communities.map(([subdistrict]) => subdistrict))].map((s) => [`${s}办事处`, 'subdistrict_office']),
  ['顺丰速运', 'company'],
  ['美团', 'company'],
  ['顺丰速运夹马营路营业部', 'company', '顺丰速运'],
  ['洛阳某物流公司', 'company'],
  ['青年志愿者协会', 'volunteer_group'],
  ['社区卫生服务中心', 'organisation'],
  ['律师工作站', 'organisation'],
  ['洛阳技师学院', 'school'],
]) {
  await step(['unit', 'add', name, '--type', type, ...(parent ? ['--parent', parent] : [])]);
}
const offices = [...new Set(communities.map(([subdistrict]) => `${subdistrict}办事处`))];
for (const [act, lead, ...responsible] of [
  ['stations', '区委社会工作部', ...offices],
  ['housing', '区住建局'],
  ['disputes', '区司法局', '区总工会'],
  ['health', '区卫健委', '社区卫生服务中心'],
  ['childcare', '团区委', '瀍河区妇联'],
  ['safety_team', '区委社会工作部', '青年志愿者协会'],
  ['points', '区委社会工作部'],
  ['friendly', offices[0], ...offices.slice(1)],
  ['skills', '区人社局', '洛阳技师学院'],
  ['wishes', '区委社会工作部', '区总工会'],
]) {
  await step(['action', 'assign', act, '--lead', lead, ...(responsible.length ? ['--responsible', ...responsible] : []), '--year', year]);
}
// The seed's own figures: 6 stations, 16 childcare sites, 144 volunteers; the rest as a district would plan them.
for (const [act, metric, value, ...place] of [
  ['stations', 'open', 6],
  ['stations', 'fully_equipped', 6],
  ['childcare', 'sites', 16],
  ['childcare', 'volunteers', 144],
  ['health', 'events', 12],
  ['skills', 'events', 6],
  ['skills', 'attendance', 200],
  ['disputes', 'legal_events', 4],
  ['safety_team', 'members', 30],
  ['friendly', 'rider_friendly_communities', 5],
  ['friendly', 'merchants', 20],
  ['wishes', 'collected', 100],
  ['wishes', 'fulfilled', 80],
  ['wishes', 'fulfilled', 20, '--subdistrict', communities[0][0]],
]) {
  await step(['target', 'set', act, metric, String(value), '--year', year, ...place]);
}
await step(['station', 'import', join(root, 'fixtures/stations.gb18030.csv'), '--source', '区驿站台账']);

banner('花名册导入', 'Roster imports');
// Registered two months ago (the business date of each import), so this week's report has a district to count.
await step(['worker', 'import', join(root, 'fixtures/roster-meituan.gb18030.csv'), '--source', '美团', '--rejects', join(dir, 'rejected-meituan.csv')], {
  show: true,
  at: daysAgo(70),
});
await step(['worker', 'import', join(root, 'fixtures/roster-sf.utf8bom.csv'), '--source', '顺丰'], { show: true, at: daysAgo(65) });
await step(['worker', 'import', join(root, 'fixtures/roster-drivers.utf16le.txt'), '--source', '交通运输局'], { show: true, at: daysAgo(60) });

// The couriers' phones (the SF roster is plain UTF-8) drive the activity below.
const phones = readFileSync(join(root, 'fixtures/roster-sf.utf8bom.csv'), 'utf8')
  .replace(/^\uFEFF/, '')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(',')[0]);

// Points: the standard rules, gifts, a safety-publicity team, eight weeks of service.
for (const [code, name, points, cap] of [
  ['errand', '爱心跑腿', 10, 3],
  ['patrol', '安全巡查', 5, 2],
  ['hazard', '隐患报送', 8, 5],
  ['publicity', '安全宣传', 5, 2],
  ['event', '参加活动', 3],
]) {
  await step(['points', 'rule', 'add', code, '--name', name, '--points', String(points), ...(cap ? ['--daily-cap', String(cap)] : [])]);
}
await step(['gift', 'add', 'raincoat', '--name', '骑手雨衣', '--cost', '50', '--stock', '30', '--donor', '区总工会']);
await step(['gift', 'add', 'gloves', '--name', '冬季手套', '--cost', '20', '--stock', '4', '--donor', '区妇联']);
await step(['gift', 'add', 'powerbank', '--name', '充电宝', '--cost', '80', '--stock', '10']);
await step(['team', 'add', '安全宣传志愿队', '--community', '夹马营社区', '--focus', 'safety'], { at: daysAgo(50) });
await step(['team', 'join', '安全宣传志愿队', ...phones.slice(0, 20)], { at: daysAgo(50) });
const awards = ['phone,rule,date,note,ref'];
for (let i = 0; i < 400; i++) awards.push(`${pick(phones.slice(0, 60))},${pick(['errand', 'patrol', 'hazard', 'publicity'])},${daysAgo(1 + Math.floor(random() * 56))},,demo-${i}`);
writeFileSync(join(dir, 'awards.csv'), `${awards.join('\n')}\n`);
await step(['points', 'import', join(dir, 'awards.csv'), '--source', '社区积分台账']);
for (const [i, phone] of phones.slice(0, 6).entries()) {
  await step(['points', 'award', phone, '--rule', 'publicity', '--points', '60', '--reason', '年度安全宣传表彰'], { at: daysAgo(12) });
  await step(['points', 'redeem', phone, '--gift', i < 3 ? 'gloves' : 'raincoat'], { at: daysAgo(1 + i * 2) });
}

// Micro-wishes: collected, published, claimed by sponsors (units registered above), some fulfilled and followed up.
await step(['wish', 'import', join(root, 'fixtures/wishes.csv')]);
// Each step dated after the one before it (the fixture's wishes were collected up to 2026-11-15).
await step(['wish', 'list-publish'], { at: daysAgo(12) });
for (let id = 1; id <= 9; id++)
  await step(['wish', 'claim', String(id), '--sponsor', pick(['区总工会', '瀍河区妇联', '洛阳某物流公司', '青年志愿者协会']), '--pledge', String(100 + id * 30)], {
    at: daysAgo(11 - id),
  });
for (let id = 1; id <= 5; id++) await step(['wish', 'fulfil', String(id), '--cost', String(90 + id * 30), '--evidence', `photos/wish-${id}.jpg`], { at: daysAgo(5 - id) });
for (let id = 1; id <= 2; id++) await step(['wish', 'follow-up', String(id), '--note', '已回访，物品已在使用'], { at: daysAgo(3) });

// The other actions: events, childcare, housing, disputes, care visits, friendly communities.
await step([
  'event',
  'add',
  '--type',
  'first_aid',
  '--title',
  '顺丰快递员急救培训',
  '--date',
  daysAgo(9),
  '--community',
  '东关社区',
  '--capacity',
  '30',
  '--organiser',
  '社区卫生服务中心',
  '--rule',
  'event',
]);
await step(['event', 'attend', '1', ...phones.slice(0, 22)]);
await step(['event', 'add', '--type', 'legal', '--title', '劳动法律进驿站', '--date', daysAgo(5), '--station', 'ST0001', '--organiser', '律师工作站']);
await step(['event', 'attend', '2', ...phones.slice(20, 35)]);
await step(['event', 'add', '--type', 'skills', '--title', '电动车安全维修培训', '--date', daysAgo(3), '--community', '北窑社区', '--capacity', '15', '--rule', 'event']);
await step(['event', 'attend', '3', ...phones.slice(30, 48)]);
await step(['childcare', 'site', 'add', '夹马营暑期托管班', '--community', '夹马营社区', '--capacity', '8', '--courses', '篮球,美术,书法,舞蹈', '--partner', '团区委']);
for (let i = 0; i < 10; i++)
  await step(
    [
      'childcare',
      'enrol',
      '--site',
      '夹马营暑期托管班',
      '--worker',
      phones[50 + i],
      '--child',
      `小朋友${i + 1}`,
      '--age',
      String(6 + (i % 6)),
      '--course',
      pick(['篮球', '美术', '书法', '舞蹈']),
    ],
    { at: daysAgo(20) },
  );
await step(['childcare', 'volunteer', 'add', '--site', '夹马营暑期托管班', '--count', '4']);
for (let i = 0; i < 4; i++) await step(['housing', 'apply', '--worker', phones[70 + i], '--household', String(2 + i)], { at: daysAgo(20 - i) });
await step(['housing', 'assess', '1', '--eligible'], { at: daysAgo(6) });
await step(['housing', 'allocate', '1', '--address', '瀍河区公租房3号楼502'], { at: daysAgo(2) });
await step(['dispute', 'open', '--worker', phones[80], '--type', 'wages', '--via', 'hotline', '--employer', '某配送站', '--amount', '3200'], { at: daysAgo(25) });
await step(['dispute', 'update', '1', '--status', 'resolved', '--outcome', '调解成功', '--recovered', '3200'], { at: daysAgo(4) });
await step(['dispute', 'open', '--worker', phones[81], '--type', 'injury', '--via', 'workstation'], { at: daysAgo(6) });
await step(['care', 'visit', '--worker', phones[82], '--date', daysAgo(4), '--by', '西关街道工会', '--kind', 'illness', '--support-yuan', '1000']);
await step(['community', 'measures', '夹马营社区', '--set', 'door_signs,rider_parking,hot_water,charging,rest_corner', '--date', daysAgo(40)]);
await step(['community', 'measures', '东关社区', '--set', 'door_signs,hot_water', '--date', daysAgo(12)]);
await step(['merchant', 'add', '老王面馆', '--community', '夹马营社区', '--offers', 'hot_water,restroom,charging'], { at: daysAgo(15) });
await step(['merchant', 'add', '东关便利店', '--community', '东关社区', '--offers', 'hot_water,charging,discount'], { at: daysAgo(3) });

// The district office's outreach: people not on the roster, visits and what was heard, publicity, money.
await step(['event', 'attend', '1', '--headcount', '20', '--note', '20多名顺丰小哥']);
await step(['dispute', 'open', '--caller', '刘师傅', '--phone', '13600136000', '--community', '东关社区', '--type', 'wages', '--via', 'hotline', '--date', daysAgo(8)]);
await step(['childcare', 'volunteer', 'add', '--site', '夹马营暑期托管班', '--count', '6', '--kind', '大学生']);
await step(['childcare', 'volunteer', 'add', '--site', '夹马营暑期托管班', '--count', '2', '--kind', '退休老党员']);
await step(['team', 'add', '全区骑手安全宣传队', '--focus', 'safety'], { at: daysAgo(30) });
await step(['team', 'join', '全区骑手安全宣传队', ...phones.slice(20, 30)], { at: daysAgo(30) });
await step([
  'visit',
  'add',
  '--to',
  '顺丰速运夹马营路营业部',
  '--by',
  '西关街道工作站',
  '--date',
  daysAgo(10),
  '--workers-met',
  '25',
  '--action',
  'wishes',
  '--community',
  '夹马营社区',
]);
await step(['visit', 'add', '--to', '早高峰骑手集结点', '--by', '东关社区', '--date', daysAgo(6), '--workers-met', '40', '--community', '东关社区']);
await step(['opinion', 'add', '希望驿站延长开放时间到晚上10点', '--topic', 'rest', '--from', '1']);
await step(['opinion', 'add', '集结点附近缺少电动车充电桩', '--topic', 'charging', '--from', '2']);
await step(['opinion', 'update', '2', '--status', 'referred', '--to', '区住建局']);
await step([
  'publicity',
  'add',
  '--action',
  'wishes',
  '--channel',
  'wechat',
  '--title',
  '微心愿圆梦记',
  '--date',
  daysAgo(2),
  '--reach',
  '3200',
  '--unit',
  '区委社会工作部',
  '--wish',
  '1',
]);
await step([
  'publicity',
  'add',
  '--action',
  'health',
  '--channel',
  'video',
  '--title',
  '骑手急救知识短视频',
  '--date',
  daysAgo(8),
  '--reach',
  '1500',
  '--unit',
  '社区卫生服务中心',
]);
await step(['fund', 'in', '--from', '区总工会', '--amount', '20000', '--action', 'wishes', '--date', daysAgo(60)]);
await step(['fund', 'in', '--from', '区委社会工作部', '--amount', '50000', '--action', 'stations', '--date', daysAgo(60)]);
await step(['fund', 'out', '--action', 'stations', '--amount', '1280.50', '--purpose', '购置微波炉', '--for', 'station', 'ST0003', '--date', daysAgo(20)]);
await step(['fund', 'out', '--action', 'wishes', '--amount', '299', '--purpose', '电饭煲', '--for', 'wish', '1', '--date', daysAgo(4)]);

banner('驿站达标核查', 'Station audit');
await step(['station', 'audit'], { show: true });
banner('"十个一"行动汇总', 'Programme summary (the Ten Ones)');
await step(['report', 'programme'], { show: true });
banner('各社区汇总（本年度）', 'All communities, this year');
await step(['report', 'communities', '--year', year], { show: true });
banner('年度指标完成情况', 'Targets for the year');
await step(['report', 'targets'], { show: true });
process.stdout.write(`\n${say('自己试试：', 'Try it yourself:')}  npx nuanxin --db ${shown} report weekly --format html --out ${join(dir, 'weekly.html')}\n`);
process.stdout.write(`${say('年度总结：', 'The year-end report:')}  npx nuanxin --db ${shown} report annual --format xlsx --out ${join(dir, 'annual.xlsx')}\n`);

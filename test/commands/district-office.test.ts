// The district office's layer (issue #14): 街道 roll-ups, units, owners and targets.
import { describe, expect, it } from 'vitest';
import { rawSession } from '../helpers/raw.js';
import { freshCli } from '../helpers/cli.js';

/** Two 街道: 张掖路街道 (two communities) and 东关街道 (one); workers, stations and points in each. */
async function district() {
  const fresh = await freshCli({ NUANXIN_NOW: '2026-11-18T02:00:00Z' });
  const ok = async (argv: string[]) => {
    const r = await fresh.cli(argv);
    if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
    return r;
  };
  await ok(['community', 'add', '夹马营社区', '--subdistrict', '张掖路街道']);
  await ok(['community', 'add', '甘南路社区', '--subdistrict', '张掖路街道']);
  await ok(['community', 'add', '东关社区', '--subdistrict', '东关街道']);
  await ok(['worker', 'add', '--name', '王小明', '--phone', '13800138000', '--occupation', '外卖骑手', '--community', '夹马营社区']);
  await ok(['worker', 'add', '--name', '李娜', '--phone', '13900139000', '--occupation', '快递员', '--community', '甘南路社区']);
  await ok(['worker', 'add', '--name', '张伟', '--phone', '13700137000', '--occupation', '网约车司机', '--community', '东关社区']);
  await ok(['station', 'add', '--name', '夹马营驿站', '--community', '夹马营社区', '--amenities', 'seating,water', '--opened', '2026-11-01']);
  await ok(['station', 'add', '--name', '东关驿站', '--community', '东关社区', '--amenities', 'seating', '--opened', '2026-11-01']);
  return { ...fresh, ok };
}

describe('--subdistrict on every report', () => {
  it('adds up the 街道’s communities and leaves the others out', async () => {
    const { json } = await district();
    const week = ['--week', '2026-W47'];
    const all = await json(['report', 'weekly', ...week]);
    const zhangye = await json(['report', 'weekly', ...week, '--subdistrict', '张掖路街道']);
    const dongguan = await json(['report', 'weekly', ...week, '--subdistrict', '东关街道']);
    expect([all.workers.new, zhangye.workers.new, dongguan.workers.new]).toEqual([3, 2, 1]);
    expect([all.stations.open, zhangye.stations.open, dongguan.stations.open]).toEqual([2, 1, 1]);
    expect(zhangye).toMatchObject({ community: null, subdistrict: '张掖路街道' });
    expect(zhangye.charts.compliance_by_community.map((c: { community: string }) => c.community)).toEqual(['夹马营社区']);
    const programme = await json(['report', 'programme', ...week, '--subdistrict', '东关街道']);
    expect(programme).toMatchObject({ subdistrict: '东关街道', community: null, workers: { new: 1 } });
    const stations = await json(['report', 'stations', '--subdistrict', '张掖路街道']);
    expect(stations).toMatchObject({ community: null, subdistrict: '张掖路街道' });
    expect(stations.stations.map((s: { name: string }) => s.name)).toEqual(['夹马营驿站']);
    const workers = await json(['report', 'workers', '--subdistrict', '张掖路街道']);
    expect(workers).toMatchObject({ total: 2, subdistrict: '张掖路街道' });
  });

  it('names the 街道 in the title of a printed report', async () => {
    const { cli } = await district();
    const r = await cli(['report', 'weekly', '--week', '2026-W47', '--subdistrict', '东关街道', '--format', 'md', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain('东关街道');
  });

  it('refuses an unknown 街道 with the closest name (exit 3) and --community with --subdistrict (exit 2)', async () => {
    const { cli } = await district();
    const unknown = await cli(['report', 'weekly', '--subdistrict', '东官街道']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('东关街道');
    expect(unknown.stdout).toBe('');
    const both = await cli(['report', 'points', '--subdistrict', '东关街道', '--community', '东关社区']);
    expect(both.code).toBe(2);
    expect(both.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('units (单位)', () => {
  it('registers units with a type (Chinese or code), a parent and a masked contact phone; lists departments first', async () => {
    const { json, cli } = await district();
    await json(['unit', 'add', '顺丰速运', '--type', '企业']);
    const depot = await json(['unit', 'add', '顺丰速运东关营业部', '--type', 'company', '--parent', '顺丰速运', '--contact', '王经理', '--phone', '13800138000']);
    expect(depot).toEqual({ id: 2, name: '顺丰速运东关营业部', type: 'company', parent: '顺丰速运', contactName: '王经理', contactPhone: '138****8000' });
    await json(['unit', 'add', '区委社会工作部', '--type', '部门']);
    const listed = await json(['unit', 'list']);
    expect(listed.map((u: { name: string }) => u.name)).toEqual(['区委社会工作部', '顺丰速运', '顺丰速运东关营业部']);
    expect((await json(['unit', 'list', '--parent', '顺丰速运'])).map((u: { name: string }) => u.name)).toEqual(['顺丰速运东关营业部']);
    const table = await cli(['unit', 'list', '--lang', 'zh']);
    expect(table.stdout).toContain('部门');
    expect(table.stdout).not.toContain('13800138000');
  });

  it('refuses a second unit of the same name (exit 4), an unknown parent with the closest name (exit 3), a bad type (exit 2) or phone (exit 5)', async () => {
    const { cli, json } = await district();
    await json(['unit', 'add', '区总工会', '--type', 'union']);
    expect((await cli(['unit', 'add', '区总工会', '--type', 'union'])).code).toBe(4);
    const parent = await cli(['unit', 'add', '东关分会', '--type', 'union', '--parent', '区总工']);
    expect(parent.code).toBe(3);
    expect(parent.stderr).toContain('区总工会');
    expect((await cli(['unit', 'add', '某单位', '--type', '衙门'])).code).toBe(2);
    expect((await cli(['unit', 'add', '某单位', '--type', 'other', '--phone', '电话'])).code).toBe(5);
    expect(await json(['unit', 'list'])).toHaveLength(1);
  });

  it('station hosts and event organisers are units: an unknown name is refused, a registered one shows in `unit show`', async () => {
    const { cli, json, ok } = await district();
    const unknown = await cli(['event', 'add', '--type', 'legal', '--title', '劳动法讲座', '--date', '2026-11-20', '--organiser', '律师工作站']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('unit add');
    await ok(['unit', 'add', '律师工作站', '--type', 'organisation']);
    await ok(['unit', 'add', '夹马营社区党群服务中心', '--type', '党群服务中心']);
    const event = await json(['event', 'add', '--type', 'legal', '--title', '劳动法讲座', '--date', '2026-11-20', '--organiser', '律师工作站']);
    expect(event.organiser).toBe('律师工作站');
    const station = await json(['station', 'update', 'ST0001', '--host', '夹马营社区党群服务中心']);
    expect(station.host).toBe('夹马营社区党群服务中心');
    expect((await cli(['station', 'update', 'ST0002', '--host', '不存在的单位'])).code).toBe(3);
    const shown = await json(['unit', 'show', '夹马营社区党群服务中心']);
    expect(shown.stations).toEqual([{ code: 'ST0001', name: '夹马营驿站', community: '夹马营社区', status: 'open' }]);
    expect((await json(['unit', 'show', '律师工作站'])).events).toEqual([{ id: 1, date: '2026-11-20', type: 'legal', title: '劳动法讲座' }]);
  });

  it('a sponsor is a unit: `sponsor add` registers one, and a wish claimed by it shows in `unit show`', async () => {
    const { json, ok } = await district();
    await ok(['sponsor', 'add', '区总工会', '--type', '工会']);
    await ok(['wish', 'add', '--title', '电饭煲', '--category', '家用电器', '--worker', '13800138000']);
    await ok(['wish', 'list-publish']);
    await ok(['wish', 'claim', '1', '--sponsor', '区总工会', '--pledge', '299']);
    expect((await json(['unit', 'list']))[0]).toMatchObject({ name: '区总工会', type: 'union' });
    expect((await json(['unit', 'show', '区总工会'])).wishes).toEqual({
      claimed: 1,
      fulfilled: 0,
      open: 1,
      overdue: 0,
      pledgedFen: 29900,
      spentFen: 0,
      pledged: '299.00',
      spent: '0.00',
    });
  });
});

describe('action owners', () => {
  it('assigns a lead and responsible units per year; a new assignment replaces the year’s owners and is audited', async () => {
    const { json, ok, cli } = await district();
    for (const [name, type] of [
      ['区人社局', 'department'],
      ['区总工会', 'union'],
      ['张掖路街道办事处', 'subdistrict_office'],
    ]) {
      await ok(['unit', 'add', name!, '--type', type!]);
    }
    const owners = await json(['action', 'assign', '技能培训', '--lead', '区人社局', '--responsible', '区总工会', '张掖路街道办事处', '--year', '2026']);
    expect(owners).toEqual({ no: 9, action: 'skills', year: 2026, lead: '区人社局', responsible: ['区总工会', '张掖路街道办事处'] });
    await ok(['action', 'assign', '9', '--lead', '区总工会', '--year', '2026']);
    await ok(['action', 'assign', '9', '--lead', '区人社局', '--year', '2025']);
    const list = await json(['action', 'list', '--year', '2026']);
    expect(list).toHaveLength(10);
    expect(list[8]).toEqual({ no: 9, action: 'skills', year: 2026, lead: '区总工会', responsible: [] });
    expect(list[0]).toEqual({ no: 1, action: 'stations', year: 2026, lead: null, responsible: [] });
    expect((await json(['unit', 'show', '区人社局'])).actions).toEqual([{ year: 2025, no: 9, action: 'skills', role: 'lead' }]);
    const audit = await json(['audit', '--entity', 'action_owner']);
    expect(audit).toHaveLength(3);
    expect((await cli(['action', 'assign', '11', '--lead', '区人社局'])).code).toBe(5);
    expect((await cli(['action', 'assign', '9', '--lead', '区人社'])).code).toBe(3);
    expect((await cli(['action', 'assign', '9', '--lead', '区人社局', '--responsible', '区人社局'])).code).toBe(5);
    expect((await cli(['action', 'assign', '9', '--lead', '区人社局', '--year', '1999'])).code).toBe(5);
    expect((await json(['action', 'list', '--year', '2026']))[8].lead).toBe('区总工会');
  });
});

describe('targets (指标)', () => {
  it('set, change, list and clear targets for the district, a 街道 and a community', async () => {
    const { json, cli } = await district();
    expect(await json(['target', 'set', '爱心驿站', 'open', '6', '--year', '2026'])).toEqual({
      id: 1,
      no: 1,
      action: 'stations',
      metric: 'open',
      year: 2026,
      scope: 'district',
      place: null,
      value: 6,
    });
    await json(['target', 'set', '1', 'open', '8', '--year', '2026']);
    await json(['target', 'set', 'wishes', 'fulfilled', '4', '--subdistrict', '张掖路街道']);
    await json(['target', 'set', 'wishes', 'fulfilled', '1', '--community', '东关社区']);
    const all = await json(['target', 'list', '--year', '2026']);
    expect(all.map((t: { action: string; value: number; place: string | null }) => [t.action, t.value, t.place])).toEqual([
      ['stations', 8, null],
      ['wishes', 4, '张掖路街道'],
      ['wishes', 1, '东关社区'],
    ]);
    expect((await json(['target', 'list', '--subdistrict', '张掖路街道'])).map((t: { place: string }) => t.place)).toEqual(['张掖路街道']);
    const cleared = await json(['target', 'clear', 'wishes', 'fulfilled', '--community', '东关社区']);
    expect(cleared).toMatchObject({ value: 1, cleared: true });
    expect((await cli(['target', 'clear', 'wishes', 'fulfilled', '--community', '东关社区'])).code).toBe(3);
    expect((await cli(['target', 'set', 'wishes', 'nonsense', '1'])).code).toBe(5);
    expect((await cli(['target', 'set', 'wishes', 'fulfilled', '-1'])).code).not.toBe(0);
    expect((await cli(['target', 'set', 'wishes', 'fulfilled', '1.5'])).code).toBe(5);
    expect((await cli(['target', 'set', 'wishes', 'fulfilled', '1', '--community', '东关社区', '--subdistrict', '东关街道'])).code).toBe(2);
    expect((await cli(['target', 'set', 'wishes', 'fulfilled', '1', '--community', '东官社区'])).code).toBe(3);
    const metrics = await json(['target', 'metrics']);
    expect(metrics).toContainEqual({ no: 5, action: 'childcare', metric: 'sites', label: 'childcare sites running' });
  });

  it('every target metric is a figure of the programme dashboard', async () => {
    const { json } = await district();
    const programme = await json(['report', 'programme']);
    const figures = new Set(programme.actions.flatMap((a: { key: string; figures: { key: string }[] }) => a.figures.map((f) => `${a.key}.${f.key}`)));
    const metrics = await json(['target', 'metrics']);
    expect(metrics.length).toBeGreaterThan(20);
    for (const m of metrics) expect(figures.has(`${m.action}.${m.metric}`), `${m.action}.${m.metric}`).toBe(true);
  });

  it('report targets: actual over the year so far, % reached, missing; met early and behind the year flagged', async () => {
    const { json, cli } = await district();
    // 2026-11-18 is day 322 of 365: 88% of the year gone. Two stations open; one 街道 has one.
    await json(['target', 'set', 'stations', 'open', '2', '--year', '2026']);
    await json(['target', 'set', 'stations', 'open', '4', '--year', '2026', '--subdistrict', '张掖路街道']);
    await json(['target', 'set', 'wishes', 'collected', '10', '--year', '2026', '--community', '夹马营社区']);
    const report = await json(['report', 'targets', '--year', '2026']);
    expect(report).toMatchObject({ year: 2026, as_of: '2026-11-18', elapsed_percent: 88, community: null, subdistrict: null });
    expect(report.targets.map((t: Record<string, unknown>) => [t.action, t.place, t.value, t.actual, t.percent, t.missing, t.status])).toEqual([
      ['stations', null, 2, 2, 100, 0, 'met_early'],
      ['stations', '张掖路街道', 4, 1, 25, 3, 'behind'],
      ['wishes', '夹马营社区', 10, 0, 0, 10, 'behind'],
    ]);
    const zhangye = await json(['report', 'targets', '--subdistrict', '张掖路街道']);
    expect(zhangye.targets.map((t: { place: string }) => t.place)).toEqual(['张掖路街道', '夹马营社区']);
    const past = await json(['report', 'targets', '--year', '2025']);
    expect(past).toMatchObject({ as_of: '2025-12-31', elapsed_percent: 100, targets: [] });
    const md = await cli(['report', 'targets', '--format', 'md', '--lang', 'zh']);
    expect(md.stdout).toContain('提前完成');
    expect(md.stdout).toContain('进度滞后');
    expect(md.stdout).toContain('张掖路街道');
    // The programme report carries the targets of its own place.
    const programme = await json(['report', 'programme', '--subdistrict', '张掖路街道']);
    expect(programme.targets.map((t: { place: string; metric: string }) => [t.place, t.metric])).toEqual([['张掖路街道', 'open']]);
  });
});

describe('a station ledger’s 依托单位', () => {
  it('are registered as units (type other) when new, named in a warning, and shared by the stations that name them', async () => {
    const { cli, json, dir } = await district();
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const file = join(dir, 'stations.csv');
    writeFileSync(file, '驿站名称,所属社区,依托单位\n甘南路驿站,甘南路社区,党群服务中心\n东关二号驿站,东关社区,党群服务中心\n西站驿站,东关社区,顺丰速运\n');
    await json(['unit', 'add', '顺丰速运', '--type', 'company']);
    const r = await cli(['station', 'import', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('党群服务中心');
    expect(r.stderr).not.toContain('顺丰速运');
    expect(await json(['unit', 'show', '党群服务中心'])).toMatchObject({ type: 'other', stations: [{ name: '甘南路驿站' }, { name: '东关二号驿站' }] });
    expect((await json(['unit', 'show', '顺丰速运'])).stations.map((s: { name: string }) => s.name)).toEqual(['西站驿站']);
  });
});

describe('report communities', () => {
  it('one row per community, a subtotal per 街道 computed over its communities, and the district total', async () => {
    const { json, ok, cli } = await district();
    // A collective wish for a depot counts for the community named, and so for its 街道.
    await ok(['wish', 'add', '--title', '微波炉', '--category', '家用电器', '--site', '顺丰甘南路营业部', '--community', '甘南路社区']);
    await ok(['wish', 'add', '--title', '饮水机', '--category', '家用电器', '--site', '无处可归的站点']);
    // A community that contradicts the station's is refused, not quietly overridden.
    expect((await cli(['wish', 'add', '--title', '桌椅', '--category', 'daily', '--site', '驿站', '--station', 'ST0001', '--community', '东关社区'])).code).toBe(5);
    await ok(['points', 'rule', 'add', 'errand', '--name', '爱心跑腿', '--points', '10']);
    await ok(['points', 'award', '13800138000', '--rule', 'errand']);
    await ok(['points', 'award', '13800138000', '--rule', 'errand']);
    await ok(['points', 'award', '13900139000', '--rule', 'errand']);
    const r = await json(['report', 'communities', '--week', '2026-W47']);
    expect(r.period).toEqual({ from: '2026-11-16', to: '2026-11-22', week: '2026-W47' });
    const brief = r.rows.map((row: { level: string; subdistrict: string | null; community: string | null; figures: Record<string, number> }) => [
      row.level,
      row.subdistrict,
      row.community,
      row.figures['workers.new'],
      row.figures['stations.open'],
      row.figures['points.awarded'],
      row.figures['points.earners'],
      row.figures['wishes.collected'],
    ]);
    expect(brief).toEqual([
      ['community', '东关街道', '东关社区', 1, 1, 0, 0, 0],
      ['subdistrict', '东关街道', null, 1, 1, 0, 0, 0],
      ['community', '张掖路街道', '甘南路社区', 1, 0, 10, 1, 1],
      ['community', '张掖路街道', '夹马营社区', 1, 1, 20, 1, 0],
      ['subdistrict', '张掖路街道', null, 2, 1, 30, 2, 1],
      ['district', null, null, 3, 2, 30, 2, 2],
    ]);
    const zhangye = await json(['report', 'communities', '--week', '2026-W47', '--subdistrict', '张掖路街道']);
    expect(zhangye.rows.map((row: { level: string; community: string | null }) => [row.level, row.community])).toEqual([
      ['community', '甘南路社区'],
      ['community', '夹马营社区'],
      ['subdistrict', null],
    ]);
    const year = await json(['report', 'communities', '--year', '2026']);
    expect(year.period).toEqual({ from: '2026-01-01', to: '2026-11-18' });
    const csv = await cli(['report', 'communities', '--week', '2026-W47', '--format', 'csv', '--lang', 'zh']);
    const lines = csv.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]!.startsWith('街道,社区,在册人数（期末）,新增人数,爱心驿站 · 开放驿站数')).toBe(true);
    expect(lines.at(-1)!.startsWith('全区合计,,3,3,2,')).toBe(true);
    expect(lines).toHaveLength(7);
    expect((await cli(['report', 'communities', '--year', '2026', '--week', '2026-W47'])).code).not.toBe(0);
    expect((await cli(['report', 'communities', '--year', '2027'])).code).toBe(5);
  });
});

describe('childcare partners are units', () => {
  it('a site names its partner unit, refused when unknown, shown on the site and in `unit show`', async () => {
    const { cli, json, ok } = await district();
    expect((await cli(['childcare', 'site', 'add', '夹马营托管班', '--community', '夹马营社区', '--capacity', '8', '--partner', '团区委'])).code).toBe(3);
    await ok(['unit', 'add', '团区委', '--type', 'department']);
    expect(await json(['childcare', 'site', 'add', '夹马营托管班', '--community', '夹马营社区', '--capacity', '8', '--partner', '团区委'])).toMatchObject({ partner: '团区委' });
    expect((await json(['unit', 'show', '团区委'])).childcareSites).toEqual([{ name: '夹马营托管班', community: '夹马营社区' }]);
  });
});

describe('people reached, including those not on the roster', () => {
  it('an event’s headcount beside named attendance: reached = named + headcount; workers reached counted once per action', async () => {
    const { json, ok, cli } = await district();
    await ok(['event', 'add', '--type', 'first_aid', '--title', '急救培训', '--date', '2026-11-17', '--community', '夹马营社区']);
    await ok(['event', 'add', '--type', 'health_lecture', '--title', '健康讲座', '--date', '2026-11-18', '--community', '夹马营社区']);
    await ok(['event', 'attend', '1', '13800138000', '13900139000']);
    await ok(['event', 'attend', '2', '13800138000']);
    const set = await json(['event', 'attend', '1', '--headcount', '20', '--note', '20多名顺丰小哥']);
    expect(set).toEqual({ event: 1, attended: 0, waitlisted: 0, headcount: 20 });
    // A second headcount replaces the first (typed twice is not forty people).
    await ok(['event', 'attend', '1', '--headcount', '22', '--note', '22名顺丰小哥']);
    expect(await json(['event', 'show', '1'])).toMatchObject({ attended: 2, headcount: 22, headcountNote: '22名顺丰小哥' });
    const week = await json(['report', 'weekly', '--week', '2026-W47']);
    expect(week.events).toMatchObject({ held: 2, attendance: 3, headcount: 22, reached: 25, health_attendance: 3, health_reached: 25 });
    const programme = await json(['report', 'programme', '--week', '2026-W47']);
    const health = programme.actions.find((a: { key: string }) => a.key === 'health');
    const figure = (key: string) => health.figures.find((f: { key: string }) => f.key === key).current;
    expect([figure('events'), figure('attendance'), figure('reached'), figure('workers_reached')]).toEqual([2, 3, 25, 2]);
    expect((await cli(['event', 'attend', '1', '--headcount', '-3'])).code).not.toBe(0);
    // A wrong headcount is taken back with 0.
    expect((await json(['event', 'attend', '1', '--headcount', '0'])).headcount).toBe(0);
    expect((await cli(['event', 'attend', '1', '--note', '没有人数'])).code).toBe(2);
  });

  it('a hotline caller not on the roster: a case with an optional name and a masked phone, dated in the past, linked to the worker later', async () => {
    const { json, cli, ok } = await district();
    const opened = await json([
      'dispute',
      'open',
      '--caller',
      '刘师傅',
      '--phone',
      '13600136000',
      '--community',
      '东关社区',
      '--type',
      'wages',
      '--via',
      'hotline',
      '--date',
      '2026-11-16',
    ]);
    expect(opened).toMatchObject({ id: 1, workerId: null, worker: '刘师傅', phone: '136****6000', onRoster: false, community: '东关社区', openedOn: '2026-11-16', status: 'open' });
    const anonymous = await json(['dispute', 'open', '--type', 'platform_rules', '--via', 'walk_in']);
    expect(anonymous).toMatchObject({ worker: null, phone: null, onRoster: false, community: null });
    const listed = await cli(['dispute', 'list', '--format', 'csv']);
    expect(listed.stdout).not.toContain('13600136000');
    // Counted in its community's week, and in the district's.
    expect((await json(['report', 'weekly', '--week', '2026-W47', '--community', '东关社区'])).disputes.opened).toBe(1);
    expect((await json(['report', 'weekly', '--week', '2026-W47'])).disputes.opened).toBe(2);
    await ok(['worker', 'add', '--name', '刘强', '--phone', '13600136000', '--occupation', 'rider', '--community', '东关社区']);
    const linked = await json(['dispute', 'update', '1', '--worker', '13600136000', '--status', 'mediating']);
    expect(linked).toMatchObject({ worker: '刘强', onRoster: true, status: 'mediating' });
    expect((await json(['worker', 'show', '13600136000'])).disputes.map((d: { id: number }) => d.id)).toEqual([1]);
    // A wrong link is corrected; the caller's own words stay on the case, and the mismatch is said.
    const relinked = await cli(['dispute', 'update', '1', '--worker', '13800138000', '--json']);
    expect(relinked.code).toBe(0);
    expect(JSON.parse(relinked.stdout)).toMatchObject({ worker: '王小明', caller: '刘师傅' });
    expect(relinked.stderr).toContain('刘师傅');
    expect((await json(['dispute', 'update', '1', '--worker', '13600136000'])).worker).toBe('刘强');
    expect((await cli(['dispute', 'open', '--worker', '13800138000', '--caller', '某人', '--type', 'wages', '--via', 'hotline'])).code).toBe(2);
    expect((await cli(['dispute', 'open', '--caller', '某人', '--type', 'wages', '--via', 'hotline', '--date', '2026-12-01'])).code).toBe(5);
    expect((await cli(['dispute', 'update', '2'])).code).toBe(2);
  });

  it('childcare volunteers keep their kind; courses offered are counted; a team may be district-wide', async () => {
    const { json, ok } = await district();
    await ok(['childcare', 'site', 'add', '夹马营托管班', '--community', '夹马营社区', '--capacity', '8', '--courses', '篮球,美术,书法']);
    await ok(['childcare', 'volunteer', 'add', '--site', '夹马营托管班', '--count', '3', '--kind', '大学生']);
    const site = await json(['childcare', 'volunteer', 'add', '--site', '夹马营托管班', '--count', '2', '--kind', '退休老党员']);
    expect(site).toMatchObject({ volunteers: 5, volunteersByKind: { student: 3, retired_party_member: 2, young_official: 0, other: 0 } });
    const week = await json(['report', 'weekly', '--week', '2026-W47']);
    expect(week.childcare).toMatchObject({ sites: 1, courses: 3, volunteers: 5 });
    const team = await json(['team', 'add', '全区骑手安全宣传队', '--focus', 'safety']);
    expect(team).toMatchObject({ community: null });
    await ok(['team', 'join', '全区骑手安全宣传队', '13800138000', '13700137000']);
    const zhangye = await json(['report', 'programme', '--week', '2026-W47', '--subdistrict', '张掖路街道']);
    const members = zhangye.actions.find((a: { key: string }) => a.key === 'safety_team').figures.find((f: { key: string }) => f.key === 'members');
    expect(members.current).toBe(1);
  });
});

describe('outreach visits and the opinions heard on them', () => {
  it('a visit to a registered unit or to a place; opinions heard there carry its place and community; reports count them', async () => {
    const { json, ok, cli } = await district();
    await ok(['unit', 'add', '顺丰速运', '--type', 'company']);
    await ok(['unit', 'add', '区住建局', '--type', 'department']);
    const depot = await json([
      'visit',
      'add',
      '--to',
      '顺丰速运',
      '--by',
      '王芳',
      '--date',
      '2026-11-17',
      '--workers-met',
      '25',
      '--action',
      '微心愿',
      '--community',
      '夹马营社区',
    ]);
    expect(depot).toEqual({
      id: 1,
      date: '2026-11-17',
      unit: '顺丰速运',
      place: null,
      community: '夹马营社区',
      by: '王芳',
      workersMet: 25,
      action: 'wishes',
      note: null,
      opinions: 0,
    });
    const meeting = await json(['visit', 'add', '--to', '早高峰骑手集结点', '--by', '社区工作站', '--workers-met', '40', '--community', '东关社区']);
    expect(meeting).toMatchObject({ id: 2, unit: null, place: '早高峰骑手集结点', date: '2026-11-18' });
    const heard = await json(['opinion', 'add', '希望增设充电桩', '--topic', 'charging', '--from', '1']);
    // Heard on the visit's day, never before it.
    expect(heard).toMatchObject({ visit: 1, source: '顺丰速运', community: '夹马营社区', heardOn: '2026-11-17' });
    expect((await cli(['opinion', 'add', '早于走访', '--topic', 'other', '--from', '1', '--date', '2026-11-16'])).code).toBe(5);
    await ok(['opinion', 'add', '停车难', '--topic', 'parking', '--from', '走访2']);
    await ok(['opinion', 'update', '1', '--status', 'referred', '--to', '区住建局']);
    await ok(['opinion', 'update', '1', '--status', 'answered']);
    expect((await json(['visit', 'list'])).map((v: { opinions: number }) => v.opinions)).toEqual([1, 1]);
    const week = await json(['report', 'weekly', '--week', '2026-W47']);
    expect(week.outreach).toEqual({ visits: 2, workers_met: 65 });
    expect(week.opinions).toMatchObject({ heard: 2, answered: 1 });
    expect((await json(['report', 'weekly', '--week', '2026-W47', '--subdistrict', '东关街道'])).outreach).toEqual({ visits: 1, workers_met: 40 });
    expect((await json(['unit', 'show', '顺丰速运'])).visits).toEqual([{ id: 1, date: '2026-11-17', by: '王芳', workersMet: 25 }]);
    expect((await cli(['opinion', 'add', '无此走访', '--topic', 'other', '--from', '#9'])).code).toBe(3);
    expect((await cli(['opinion', 'update', '2', '--status', 'referred', '--to', '区住建'])).code).toBe(3);
    expect((await cli(['visit', 'add', '--to', '营业部', '--by', '王芳', '--date', '2026-12-01'])).code).toBe(5);
    expect((await cli(['visit', 'add', '--to', '营业部', '--by', '王芳', '--action', '11'])).code).toBe(5);
    const tooMany = await cli(['visit', 'add', '--to', '营业部', '--by', '王芳', '--workers-met', '2000000']);
    expect(tooMany.code).toBe(5);
    expect(tooMany.stderr).not.toMatch(/CHECK|constraint/);
  });
});

describe('publicity', () => {
  it('items per action with their reach; a follow-up report links to its wish; reports count items and reach', async () => {
    const { json, ok, cli } = await district();
    await ok(['unit', 'add', '区委社会工作部', '--type', 'department']);
    await ok(['wish', 'add', '--title', '电饭煲', '--category', '家用电器', '--worker', '13800138000']);
    const item = await json([
      'publicity',
      'add',
      '--action',
      '微心愿',
      '--channel',
      '公众号',
      '--title',
      '微心愿圆梦记',
      '--date',
      '2026-11-17',
      '--reach',
      '3200',
      '--unit',
      '区委社会工作部',
      '--wish',
      '1',
    ]);
    expect(item).toEqual({
      id: 1,
      action: 'wishes',
      date: '2026-11-17',
      channel: 'wechat',
      title: '微心愿圆梦记',
      url: null,
      reach: 3200,
      unit: '区委社会工作部',
      community: null,
      wish: 1,
    });
    await ok(['publicity', 'add', '--action', '4', '--channel', 'video', '--title', '急救知识短视频', '--reach', '800', '--url', 'https://v.example.cn/a']);
    expect((await json(['publicity', 'list', '--action', 'health'])).map((p: { title: string }) => p.title)).toEqual(['急救知识短视频']);
    expect((await json(['wish', 'show', '1'])).publicity.map((p: { title: string }) => p.title)).toEqual(['微心愿圆梦记']);
    expect((await cli(['wish', 'show', '1', '--lang', 'zh'])).stdout).toContain('跟踪报道');
    expect((await json(['report', 'weekly', '--week', '2026-W47'])).publicity).toEqual({ items: 2, reach: 4000 });
    expect((await json(['unit', 'show', '区委社会工作部'])).publicity).toEqual([{ id: 1, date: '2026-11-17', action: 'wishes', title: '微心愿圆梦记', reach: 3200 }]);
    expect((await cli(['publicity', 'add', '--action', '1', '--channel', 'poster', '--title', 'x', '--wish', '99'])).code).toBe(3);
    expect((await cli(['publicity', 'add', '--action', '1', '--channel', 'poster', '--title', 'x', '--url', 'not a link'])).code).toBe(5);
  });
});

describe('the money ledger (经费)', () => {
  it('in from a unit, out for a purpose, reversed once; never below zero; balances per action; db check proves it', async () => {
    const { json, ok, cli } = await district();
    await ok(['unit', 'add', '区总工会', '--type', 'union']);
    const given = await json(['fund', 'in', '--from', '区总工会', '--amount', '20000', '--action', '微心愿', '--date', '2026-03-01']);
    expect(given).toMatchObject({ id: 1, kind: 'in', action: 'wishes', amountFen: 2000000, amount: '20000.00', unit: '区总工会', date: '2026-03-01' });
    const spent = await json(['fund', 'out', '--action', 'wishes', '--amount', '299.50', '--purpose', '电饭煲', '--for', 'station', 'ST0001']);
    expect(spent).toMatchObject({ id: 2, kind: 'out', amountFen: -29950, forKind: 'station', forId: 1 });
    // Nothing for stations yet: refused, nothing written.
    const short = await cli(['fund', 'out', '--action', '爱心驿站', '--amount', '10', '--purpose', '桌椅']);
    expect(short.code).toBe(4);
    expect((await cli(['fund', 'out', '--action', 'wishes', '--amount', '1', '--purpose', 'x', '--for', 'station', 'ST9999'])).code).toBe(3);
    expect((await cli(['fund', 'out', '--action', 'wishes', '--amount', '0', '--purpose', 'x'])).code).toBe(5);
    expect((await cli(['fund', 'out', '--action', 'wishes', '--amount', '1.234', '--purpose', 'x'])).code).toBe(5);
    // Reversing the money in would leave the wishes short: refused.
    expect((await cli(['fund', 'reverse', '1', '--reason', '录错'])).code).toBe(4);
    const reversal = await json(['fund', 'reverse', '2', '--reason', '发票作废']);
    expect(reversal).toMatchObject({ id: 3, kind: 'reverse', amountFen: 29950, reverses: 2 });
    expect((await cli(['fund', 'reverse', '2', '--reason', '再次'])).code).toBe(4);
    expect((await cli(['fund', 'reverse', '3', '--reason', '冲冲正'])).code).toBe(4);
    expect(await json(['fund', 'balance'])).toEqual([{ action: 'wishes', inFen: 2000000, outFen: 0, balanceFen: 2000000 }]);
    expect((await json(['fund', 'list'])).map((f: { id: number; reversedBy: number | null }) => [f.id, f.reversedBy])).toEqual([
      [1, null],
      [2, 3],
      [3, null],
    ]);
    expect((await json(['unit', 'show', '区总工会'])).funds).toEqual([{ action: 'wishes', fen: 2000000, yuan: '20000.00' }]);
    expect((await json(['report', 'weekly', '--week', '2026-W48'])).funds).toEqual({ in_yuan: 0, out_yuan: 0, reversed_yuan: 0 });
    // This week: 299.50 out and its reversal (+299.50); the receipt was in March.
    expect((await json(['report', 'weekly', '--week', '2026-W47'])).funds).toEqual({ in_yuan: 0, out_yuan: 299.5, reversed_yuan: 299.5 });
    const check = await cli(['db', 'check']);
    expect(check.code).toBe(0);
  });

  it('db check finds a ledger that does not balance, and the database refuses an edit', async () => {
    const { json, ok, cli, db } = await district();
    await ok(['unit', 'add', '区总工会', '--type', 'union']);
    await json(['fund', 'in', '--from', '区总工会', '--amount', '100', '--action', 'wishes']);
    const raw = await rawSession(db);
    await expect(raw.run('update fund_entries set amount_fen = 1')).rejects.toThrow(/append-only/);
    await expect(raw.run('delete from fund_entries')).rejects.toThrow(/append-only/);
    // A forged spending past the balance, written around nuanxin.
    await raw.run(
      "insert into fund_entries (kind, action, amount_fen, business_date, operator, created_at) values ('out', 'wishes', -50000, '2026-11-18', 'x', '2026-11-18T00:00:00Z')",
    );
    await raw.close();
    const check = await cli(['db', 'check', '--json']);
    expect(check.code).toBe(4);
    expect(check.stdout).toContain("no action's money balance is below zero");
  });

  it('money is never short on any day: spending dated before the money came is refused; a year carries its balance over', async () => {
    const { json, ok, cli } = await district();
    await ok(['unit', 'add', '区总工会', '--type', 'union']);
    await ok(['fund', 'in', '--from', '区总工会', '--amount', '500', '--action', 'skills', '--date', '2025-12-01']);
    await ok(['fund', 'in', '--from', '区总工会', '--amount', '100', '--action', 'skills', '--date', '2026-02-01']);
    const early = await cli(['fund', 'out', '--action', 'skills', '--amount', '550', '--purpose', '培训', '--date', '2026-01-10']);
    expect(early.code).toBe(4);
    await ok(['fund', 'out', '--action', 'skills', '--amount', '400', '--purpose', '培训', '--date', '2026-01-05']);
    await ok(['fund', 'in', '--from', '区总工会', '--amount', '200', '--action', 'housing', '--date', '2025-06-01']);
    await ok(['fund', 'reverse', '4', '--reason', '错账']);
    const r = await json(['report', 'annual', '--year', '2026']);
    expect(r.actions[8].funds).toEqual({ opening_yuan: 500, in_yuan: 100, out_yuan: 400, reversed_yuan: 0, closing_yuan: 200 });
    expect(r.actions[1].funds).toEqual({ opening_yuan: 200, in_yuan: 0, out_yuan: 0, reversed_yuan: -200, closing_yuan: 0 });
    expect(r.money.funds).toEqual({ opening_yuan: 700, in_yuan: 100, out_yuan: 400, reversed_yuan: -200, closing_yuan: 200 });
    expect((await cli(['db', 'check'])).code).toBe(0);
  });

  it('targets on money read in cents, and a past claim may be dated so its fulfilment falls in its year', async () => {
    const { json, ok } = await district();
    await ok(['unit', 'add', '区总工会', '--type', 'union']);
    await ok(['wish', 'add', '--title', '电饭煲', '--category', '家用电器', '--worker', '13800138000', '--collected-on', '2026-01-02']);
    await ok(['wish', 'list-publish', '--date', '2026-01-03']);
    await ok(['wish', 'claim', '1', '--sponsor', '区总工会', '--date', '2026-01-05']);
    await ok(['wish', 'fulfil', '1', '--date', '2026-01-15']);
    expect((await json(['wish', 'show', '1'])).timeline.map((e: { businessDate: string }) => e.businessDate)).toEqual(['2026-01-02', '2026-01-03', '2026-01-05', '2026-01-15']);
    await ok(['dispute', 'open', '--worker', '13800138000', '--type', 'wages', '--via', 'hotline', '--date', '2026-02-01']);
    await ok(['dispute', 'update', '1', '--status', 'resolved', '--recovered', '0.7']);
    await ok(['target', 'set', 'disputes', 'recovered_yuan', '1']);
    const [target] = (await json(['report', 'targets'])).targets;
    expect(target).toMatchObject({ actual: 0.7, missing: 0.3, percent: 70 });
  });
});

describe('report annual', () => {
  /** A small year: owners and targets, a station, a health event with a headcount, a visit, a publicity item, money in and out, a wish. */
  async function year() {
    const fresh = await district();
    const { ok } = fresh;
    for (const [name, type] of [
      ['区委社会工作部', 'department'],
      ['区卫健委', 'department'],
      ['区总工会', 'union'],
    ]) {
      await ok(['unit', 'add', name!, '--type', type!]);
    }
    await ok(['action', 'assign', 'health', '--lead', '区卫健委', '--responsible', '区总工会', '--year', '2026']);
    await ok(['action', 'assign', 'wishes', '--lead', '区委社会工作部', '--year', '2026']);
    await ok(['target', 'set', 'health', 'reached', '30', '--year', '2026']);
    await ok(['target', 'set', 'wishes', 'fulfilled', '2', '--year', '2026']);
    await ok(['event', 'add', '--type', 'health_lecture', '--title', '健康讲座', '--date', '2026-11-17', '--community', '夹马营社区']);
    await ok(['event', 'attend', '1', '13800138000', '13900139000', '--headcount', '20']);
    await ok(['visit', 'add', '--to', '顺丰甘南路营业部', '--by', '王芳', '--date', '2026-06-01', '--workers-met', '12', '--action', 'health', '--community', '甘南路社区']);
    await ok(['opinion', 'add', '希望多办健康讲座', '--topic', 'other', '--from', '1']);
    await ok(['publicity', 'add', '--action', 'health', '--channel', 'video', '--title', '急救短视频', '--date', '2026-06-02', '--reach', '900']);
    await ok(['fund', 'in', '--from', '区总工会', '--amount', '5000', '--action', 'wishes', '--date', '2026-03-01']);
    await ok(['fund', 'out', '--action', 'wishes', '--amount', '299', '--purpose', '电饭煲']);
    await ok(['wish', 'add', '--title', '电饭煲', '--category', '家用电器', '--worker', '13700137000', '--collected-on', '2026-11-01']);
    await ok(['wish', 'list-publish']);
    await ok(['wish', 'claim', '1', '--sponsor', '区总工会', '--pledge', '299']);
    await ok(['wish', 'fulfil', '1', '--cost', '289']);
    return fresh;
  }

  it('the year as one document: owners, results, targets, visits, publicity, money and the 街道 rows (exact)', async () => {
    const { json } = await year();
    const r = await json(['report', 'annual', '--year', '2026']);
    expect(r.year).toBe(2026);
    expect(r.period).toEqual({ from: '2026-01-01', to: '2026-11-18' });
    expect(r.elapsed_percent).toBe(88);
    expect(r.workers).toEqual({ active: 3, new: 3 });
    const health = r.actions[3];
    expect(health).toEqual({
      no: 4,
      key: 'health',
      lead: '区卫健委',
      responsible: ['区总工会'],
      figures: [
        { key: 'events', value: 1 },
        { key: 'attendance', value: 2 },
        { key: 'reached', value: 22 },
        { key: 'workers_reached', value: 2 },
        { key: 'care_visits', value: 0 },
      ],
      targets: [
        {
          id: 1,
          no: 4,
          action: 'health',
          metric: 'reached',
          year: 2026,
          scope: 'district',
          place: null,
          value: 30,
          actual: 22,
          percent: 73,
          missing: 8,
          expected: 27,
          status: 'behind',
        },
      ],
      visits: { visits: 1, workers_met: 12 },
      publicity: { items: 1, reach: 900 },
      funds: { opening_yuan: 0, in_yuan: 0, out_yuan: 0, reversed_yuan: 0, closing_yuan: 0 },
    });
    const wishes = r.actions[9];
    expect(wishes).toMatchObject({
      lead: '区委社会工作部',
      responsible: [],
      figures: [
        { key: 'collected', value: 1 },
        { key: 'claimed', value: 1 },
        { key: 'fulfilled', value: 1 },
        { key: 'overdue', value: 0 },
        { key: 'workers_reached', value: 1 },
      ],
      funds: { opening_yuan: 0, in_yuan: 5000, out_yuan: 299, reversed_yuan: 0, closing_yuan: 4701 },
    });
    expect(wishes.targets.map((t: { status: string; actual: number }) => [t.actual, t.status])).toEqual([[1, 'behind']]);
    expect(r.actions[0]).toMatchObject({
      lead: null,
      responsible: [],
      targets: [],
      figures: [
        { key: 'open', value: 2 },
        { key: 'fully_equipped', value: 0 },
        { key: 'medicine_expired', value: 0 },
      ],
    });
    expect(r.outreach).toEqual({ visits: 1, workers_met: 12, opinions: { heard: 1, answered: 0, resolved: 0, open: 1 } });
    expect(r.publicity).toEqual({ items: 1, reach: 900, by_channel: { video: 1 } });
    expect(r.money).toEqual({
      funds: { opening_yuan: 0, in_yuan: 5000, out_yuan: 299, reversed_yuan: 0, closing_yuan: 4701 },
      wish_pledged_yuan: 299,
      wish_spent_yuan: 289,
      care_support_yuan: 0,
    });
    expect(
      r.subdistricts.map((s: { level: string; subdistrict: string | null; figures: Record<string, number> }) => [
        s.level,
        s.subdistrict,
        s.figures['workers.active'],
        s.figures['health.reached'],
      ]),
    ).toEqual([
      ['subdistrict', '东关街道', 1, 0],
      ['subdistrict', '张掖路街道', 2, 22],
      ['district', null, 3, 22],
    ]);
  });

  it('for one 街道: its figures, its own targets, its communities and subtotal', async () => {
    const { json, ok } = await year();
    await ok(['target', 'set', 'health', 'reached', '10', '--year', '2026', '--subdistrict', '张掖路街道']);
    const r = await json(['report', 'annual', '--year', '2026', '--subdistrict', '张掖路街道']);
    expect(r).toMatchObject({ subdistrict: '张掖路街道', community: null, workers: { active: 2, new: 2 } });
    const health = r.actions[3];
    expect(health.figures.find((f: { key: string }) => f.key === 'reached').value).toBe(22);
    expect(health.targets.map((t: { place: string; status: string }) => [t.place, t.status])).toEqual([['张掖路街道', 'met_early']]);
    expect(health.visits).toEqual({ visits: 1, workers_met: 12 });
    expect(r.actions[9].funds).toEqual({ opening_yuan: 0, in_yuan: 0, out_yuan: 0, reversed_yuan: 0, closing_yuan: 0 });
    expect(r.subdistricts.map((s: { level: string; community: string | null }) => [s.level, s.community])).toEqual([
      ['community', '甘南路社区'],
      ['community', '夹马营社区'],
      ['subdistrict', null],
    ]);
  });

  it('prints in every format, in Chinese, and refuses a year not begun', async () => {
    const { cli, dir } = await year();
    const md = await cli(['report', 'annual', '--year', '2026', '--format', 'md', '--lang', 'zh']);
    expect(md.code).toBe(0);
    expect(md.stdout.split('\n')[0]).toContain('2026 年度总结');
    for (const words of ['4. 健康关爱', '牵头单位 | 区卫健委', '进度滞后', '分街道统计', '慰问金']) expect(md.stdout).toContain(words);
    const csv = await cli(['report', 'annual', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const html = await cli(['report', 'annual', '--format', 'html', '--out', `${dir}/annual.html`]);
    expect(html.code).toBe(0);
    const xlsx = await cli(['report', 'annual', '--out', `${dir}/annual.xlsx`]);
    expect(xlsx.code).toBe(0);
    expect((await cli(['report', 'annual', '--year', '2027'])).code).toBe(5);
  });
});

describe('unit update and visits to stations', () => {
  it('a unit registered as other is given its real type, a new name every reference follows, and a parent (never a loop)', async () => {
    const { json, cli, ok, dir } = await district();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/s.csv`, '驿站名称,所属社区,依托单位\n甘南路驿站,甘南路社区,顺丰\n');
    await ok(['station', 'import', `${dir}/s.csv`]);
    await ok(['unit', 'add', '顺丰集团', '--type', 'company']);
    const fixed = await json(['unit', 'update', '顺丰', '--name', '顺丰速运甘南路营业部', '--type', '企业', '--parent', '顺丰集团']);
    expect(fixed).toMatchObject({ name: '顺丰速运甘南路营业部', type: 'company', parent: '顺丰集团' });
    expect((await json(['station', 'list']))[2]).toMatchObject({ name: '甘南路驿站', host: '顺丰速运甘南路营业部' });
    expect((await cli(['unit', 'update', '顺丰集团', '--parent', '顺丰速运甘南路营业部'])).code).toBe(5);
    expect((await cli(['unit', 'update', '顺丰集团', '--name', '顺丰速运甘南路营业部'])).code).toBe(4);
    expect((await cli(['unit', 'update', '顺丰集团'])).code).toBe(5);
    expect((await cli(['unit', 'update', '不存在', '--type', 'other'])).code).toBe(3);
    // Latin letters in any case find the one unit that reads so.
    await ok(['unit', 'add', 'SF Express', '--type', 'company']);
    expect((await json(['unit', 'show', 'sf express'])).name).toBe('SF Express');
  });

  it('a visit to a station by its code is placed in the station’s community; an event’s headcount and organiser show in its list', async () => {
    const { json, ok, cli } = await district();
    const visit = await json(['visit', 'add', '--to', 'st0002', '--by', '王芳', '--workers-met', '6']);
    expect(visit).toMatchObject({ unit: null, place: '东关驿站（ST0002）', community: '东关社区' });
    await ok(['unit', 'add', '社区卫生服务中心', '--type', 'organisation']);
    await ok(['event', 'add', '--type', 'first_aid', '--title', '急救培训', '--date', '2026-11-17', '--organiser', '社区卫生服务中心']);
    await ok(['event', 'attend', '1', '--headcount', '20']);
    const listed = await cli(['event', 'list', '--format', 'csv']);
    expect(listed.stdout.split(/\r?\n/)[1]).toContain(',20,社区卫生服务中心');
  });
});

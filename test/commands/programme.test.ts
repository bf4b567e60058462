import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCli } from '../helpers/cli.js';

const P1 = '13800138000';
const P2 = '13900139000';
const P3 = '13700137000';

async function district() {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-25' });
  const { json } = fresh;
  await json(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  for (const [name, phone] of [
    ['张三', P1],
    ['李四', P2],
    ['王五', P3],
  ]) {
    await json(['worker', 'add', '--name', name!, '--phone', phone!, '--occupation', 'courier', '--community', '夹马营社区']);
  }
  await json(['points', 'rule', 'add', 'event', '--name', '参加活动', '--points', '3']);
  return { ...fresh, json };
}

describe('events and attendance', () => {
  it('records attendance, awards points once, waits past capacity, and refuses twice', async () => {
    const { cli, json } = await district();
    await json(['unit', 'add', '社区卫生服务中心', '--type', 'organisation']);
    const event = await json([
      'event',
      'add',
      '--type',
      'first_aid',
      '--title',
      '急救培训',
      '--date',
      '2026-11-20',
      '--community',
      '夹马营社区',
      '--capacity',
      '2',
      '--organiser',
      '社区卫生服务中心',
      '--rule',
      'event',
    ]);
    expect(event).toMatchObject({ id: 1, type: 'first_aid', capacity: 2, rule: 'event', attended: 0 });
    expect(await json(['event', 'attend', '1', P1, P2, P3])).toEqual({ event: 1, attended: 2, waitlisted: 1, headcount: null });
    const before = await json(['event', 'show', '1']);
    expect(await cli(['event', 'attend', '1', P1])).toMatchObject({ code: 4, stderr: 'error: worker #1 is already recorded at event #1 (attended)\n' });
    expect(await json(['event', 'show', '1'])).toEqual(before);
    expect(before.attendees.map((a: { phone: string; status: string }) => [a.phone, a.status])).toEqual([
      ['138****8000', 'attended'],
      ['139****9000', 'attended'],
      ['137****7000', 'waitlisted'],
    ]);
    expect((await json(['points', 'balance', P1])).balance).toBe(3);
    expect((await json(['points', 'balance', P3])).balance).toBe(0);
    await json(['event', 'add', '--type', 'skills', '--title', '电动车维修', '--date', '2026-11-21', '--capacity', '1']);
    expect(await json(['event', 'attend', '2', P1, P2, '--over-capacity'])).toEqual({ event: 2, attended: 2, waitlisted: 0, headcount: null });
    expect((await cli(['event', 'add', '--type', 'party', '--title', 'x', '--date', '2026-11-20'])).code).toBe(2);
    expect((await cli(['event', 'attend', '9', P1])).code).toBe(3);
  });

  it('imports a sign-in sheet with the import guarantees', async () => {
    const { cli, dir, json } = await district();
    await json(['event', 'add', '--type', 'health_lecture', '--title', '健康讲座', '--date', '2026-11-22', '--rule', 'event']);
    const file = join(dir, '签到表.csv');
    writeFileSync(file, `姓名,手机号码\r\n张三,${P1}\r\n李四,${P2}\r\n张三,${P1}\r\n无名,13600000000\r\n`);
    const first = JSON.parse((await cli(['event', 'attend', '1', '--file', file, '--json'])).stdout);
    expect(first).toMatchObject({
      inserted: 2,
      rejected: 2,
      rejects: [
        { row: 4, reason: 'phone duplicates row 2' },
        { row: 5, reason: 'no worker with phone or id 136****0000' },
      ],
    });
    expect(JSON.parse((await cli(['event', 'attend', '1', '--file', file, '--json'])).stdout)).toMatchObject({ inserted: 0, already_imported: { id: 1 } });
    expect((await json(['points', 'ledger'])).length).toBe(2);
  });
});

describe('childcare', () => {
  it('fills places, waits in order, promotes when a place frees, and refuses repeats', async () => {
    const { cli, json } = await district();
    await json([
      'childcare',
      'site',
      'add',
      '夹马营托管班',
      '--community',
      '夹马营社区',
      '--capacity',
      '1',
      '--courses',
      '篮球,美术,书法,舞蹈',
      '--from',
      '2026-07-10',
      '--to',
      '2026-08-20',
    ]);
    expect(await json(['childcare', 'enrol', '--site', '夹马营托管班', '--worker', P1, '--child', '张小明', '--age', '9', '--course', '美术'])).toMatchObject({
      id: 1,
      status: 'enrolled',
      phone: '138****8000',
    });
    expect(await json(['childcare', 'enrol', '--site', '夹马营托管班', '--worker', P2, '--child', '李小红', '--age', '8'])).toMatchObject({ id: 2, status: 'waitlisted' });
    expect(await json(['childcare', 'enrol', '--site', '夹马营托管班', '--worker', P3, '--child', '王小刚', '--age', '10'])).toMatchObject({ id: 3, status: 'waitlisted' });
    expect((await cli(['childcare', 'enrol', '--site', '夹马营托管班', '--worker', P1, '--child', '张小明', '--age', '9'])).code).toBe(4);
    expect((await cli(['childcare', 'enrol', '--site', '夹马营托管班', '--worker', P1, '--child', '张小华', '--age', '9', '--course', '游泳'])).code).toBe(5);
    const result = await json(['childcare', 'withdraw', '1']);
    expect(result.promoted).toMatchObject({ id: 2, child: '李小红', status: 'enrolled' });
    expect((await cli(['childcare', 'withdraw', '1'])).code).toBe(4);
    expect((await json(['childcare', 'volunteer', 'add', '--site', '夹马营托管班', '--count', '3'])).volunteers).toBe(3);
    expect((await json(['childcare', 'list', '--sites']))[0]).toMatchObject({ enrolled: 1, waitlisted: 1, volunteers: 3 });
  });
});

describe('housing and disputes', () => {
  it('moves a housing application through its states and refuses the rest', async () => {
    const { cli, json } = await district();
    expect(await json(['housing', 'apply', '--worker', P1, '--household', '3'])).toMatchObject({ id: 1, status: 'applied', phone: '138****8000' });
    expect((await cli(['housing', 'apply', '--worker', P1])).code).toBe(4);
    const refused = await cli(['housing', 'allocate', '1', '--address', '公租房3号楼502']);
    expect(refused).toMatchObject({ code: 4, stderr: 'error: housing application #1 is applied: it cannot become allocated; allowed next: eligible, not eligible, withdrawn\n' });
    expect((await json(['housing', 'list']))[0].status).toBe('applied');
    expect((await json(['housing', 'assess', '1', '--eligible'])).status).toBe('eligible');
    expect(await json(['housing', 'allocate', '1', '--address', '公租房3号楼502'])).toMatchObject({ status: 'allocated', address: '公租房3号楼502' });
    expect((await cli(['housing', 'withdraw', '1'])).code).toBe(4);
    await json(['housing', 'apply', '--worker', P2]);
    expect((await cli(['housing', 'assess', '2', '--ineligible'])).code).toBe(5);
    expect(await json(['housing', 'assess', '2', '--ineligible', '--reason', '已有住房'])).toMatchObject({ status: 'ineligible', reason: '已有住房' });
  });

  it('tracks a dispute to resolution and reports the days it took', async () => {
    const { cli, json, env } = await district();
    expect(await json(['dispute', 'open', '--worker', P1, '--type', 'wages', '--via', 'hotline', '--employer', '某配送站', '--amount', '3200'])).toMatchObject({
      id: 1,
      status: 'open',
      amount: '3200.00',
    });
    const later = { env: { ...env, NUANXIN_TODAY: '2026-12-10' } };
    expect(JSON.parse((await cli(['dispute', 'list', '--open-longer-than', '10', '--json'], later)).stdout).map((d: { id: number }) => d.id)).toEqual([1]);
    expect(JSON.parse((await cli(['dispute', 'update', '1', '--status', 'mediating', '--json'], later)).stdout).status).toBe('mediating');
    const resolved = JSON.parse((await cli(['dispute', 'update', '1', '--status', 'resolved', '--outcome', '调解成功', '--recovered', '3000', '--json'], later)).stdout);
    expect(resolved).toMatchObject({ status: 'resolved', recovered: '3000.00', daysToResolve: 15 });
    expect(await cli(['dispute', 'update', '1', '--status', 'mediating'], later)).toMatchObject({ code: 4 });
    expect((await cli(['dispute', 'open', '--worker', P1, '--type', 'theft', '--via', 'hotline'])).code).toBe(2);
  });
});

describe('care visits, rider-friendly communities and merchants', () => {
  it('records visits and measures, and refuses repeats', async () => {
    const { cli, json } = await district();
    expect(await json(['care', 'visit', '--worker', P1, '--date', '2026-11-24', '--by', '西关街道工会', '--kind', 'illness', '--support-yuan', '500'])).toMatchObject({
      id: 1,
      support: '500.00',
      phone: '138****8000',
    });
    expect((await cli(['care', 'visit', '--worker', P1, '--date', '2026-12-24', '--by', 'x'])).code).toBe(5);
    expect(await json(['community', 'measures', '夹马营社区', '--set', 'door_signs,rider_parking,hot_water', '--date', '2026-11-01'])).toEqual({
      community: '夹马营社区',
      measures: ['door_signs', 'rider_parking', 'hot_water'],
      friendly: false,
    });
    expect((await cli(['community', 'measures', '夹马营社区', '--set', 'hot_water'])).code).toBe(4);
    expect((await json(['community', 'measures', '夹马营社区', '--set', 'charging,rest_corner', '--date', '2026-11-20'])).friendly).toBe(true);
    expect((await json(['merchant', 'add', '老王面馆', '--community', '夹马营社区', '--offers', 'hot_water,restroom,charging'])).offers).toEqual([
      'hot_water',
      'restroom',
      'charging',
    ]);
    expect((await cli(['merchant', 'add', '老王面馆', '--community', '夹马营社区', '--offers', 'hot_water'])).code).toBe(4);
    expect((await cli(['merchant', 'add', '面馆', '--community', '夹马营社区', '--offers', 'massage'])).code).toBe(5);
  });
});

describe('one record per worker, and the reports', () => {
  it('shows every strand on the worker and in the programme and weekly reports', async () => {
    const { cli, json } = await district();
    await json(['event', 'add', '--type', 'first_aid', '--title', '急救培训', '--date', '2026-11-20', '--rule', 'event']);
    await json(['event', 'attend', '1', P1]);
    await json(['event', 'add', '--type', 'skills', '--title', '技能培训', '--date', '2026-11-21']);
    await json(['event', 'attend', '2', P1, P2]);
    await json(['childcare', 'site', 'add', '托管班', '--community', '夹马营社区', '--capacity', '5']);
    await json(['childcare', 'enrol', '--site', '托管班', '--worker', P1, '--child', '张小明', '--age', '9']);
    await json(['housing', 'apply', '--worker', P1]);
    await json(['dispute', 'open', '--worker', P1, '--type', 'injury', '--via', 'workstation']);
    await json(['care', 'visit', '--worker', P1, '--date', '2026-11-24', '--by', '工会', '--support-yuan', '200']);
    await json(['community', 'measures', '夹马营社区', '--set', 'door_signs,rider_parking,hot_water,charging,rest_corner', '--date', '2026-11-18']);
    await json(['merchant', 'add', '老王面馆', '--community', '夹马营社区', '--offers', 'hot_water']);
    const record = await json(['worker', 'show', P1]);
    expect(record).toMatchObject({ phone: '138****8000', points: { balance: 3 } });
    expect(record.events.map((e: { title: string }) => e.title)).toEqual(['急救培训', '技能培训']);
    expect(record.childcare).toHaveLength(1);
    expect(record.housing[0].status).toBe('applied');
    expect(record.disputes[0].type).toBe('injury');
    expect(record.careVisits[0].support).toBe('200.00');
    expect(JSON.stringify(record)).not.toContain(P1);
    // The table: one section per strand, from its declaration, closed lists by their Chinese label.
    const table = (await cli(['worker', 'show', P1], { env: { LANG: 'zh_CN.UTF-8' } })).stdout;
    const order = ['参加活动', '暑期托管', '公租房申请', '劳动争议', '走访慰问'].map((title) => table.indexOf(`\n${title}\n`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(table).toContain('急救培训');
    expect(table).toContain('张小明');
    expect(table).toContain('200.00');
    expect(table).toMatch(/工伤/);
    expect(table).not.toContain(P1);

    const weekly = await json(['report', 'weekly', '--week', '2026-W47']);
    expect(weekly.events).toMatchObject({ held: 2, attendance: 3, health_held: 1, health_attendance: 1, skills_held: 1, skills_attendance: 2 });
    expect(weekly.childcare).toMatchObject({ sites: 1, enrolled: 0 });
    expect(weekly.friendly).toEqual({ rider_friendly_communities: 1, communities_with_measures: 1, merchants: 0 });
    expect(weekly.previous.friendly.rider_friendly_communities).toBe(0);
    const current = await json(['report', 'weekly', '--week', '2026-W48']);
    expect(current.housing).toMatchObject({ applied: 1, open: 1 });
    expect(current.disputes).toMatchObject({ opened: 1, open: 1 });
    expect(current.care_visits).toEqual({ visits: 1, support_yuan: 200 });
    expect(current.childcare).toMatchObject({ enrolled: 1 });
    const programme = await json(['report', 'programme', '--week', '2026-W47']);
    const figure = (key: string, name: string) => programme.actions.find((a: { key: string }) => a.key === key).figures.find((f: { key: string }) => f.key === name);
    expect(programme.actions.every((a: { tracked: boolean }) => a.tracked)).toBe(true);
    expect(figure('health', 'events')).toEqual({ key: 'events', current: 1, previous: 0, change: 1 });
    expect(figure('skills', 'attendance')).toEqual({ key: 'attendance', current: 2, previous: 0, change: 2 });
    expect(figure('friendly', 'rider_friendly_communities')).toMatchObject({ current: 1 });
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCli, type CliOptions } from '../helpers/cli.js';
import { wellFormed } from '../helpers/xml.js';

// Sunday 2024-09-15 23:59 and Monday 2024-09-16 00:00 in Asia/Shanghai.
const SUNDAY_2359 = '2024-09-15T15:59:00Z';
const MONDAY_0000 = '2024-09-15T16:00:00Z';

async function boundaryDistrict() {
  const fresh = await freshCli();
  const at = (now: string): CliOptions => ({ env: { NUANXIN_NOW: now, TZ: 'Asia/Shanghai' } });
  const run = async (argv: string[], now: string) => {
    const r = await fresh.cli(argv, at(now));
    if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  };
  const early = '2024-09-02T02:00:00Z';
  await run(['community', 'add', '夹马营社区', '--subdistrict', '西关街道'], early);
  await run(['community', 'add', '东关社区', '--subdistrict', '东关街道'], early);
  await run(
    [
      'station',
      'add',
      '--code',
      'A',
      '--name',
      '夹马营驿站',
      '--community',
      '夹马营社区',
      '--amenities',
      'seating,water,microwave,cooling,reading,medicine,charging,signage,fixed_site,rules,staff,on_map',
      '--medicine-expires',
      '2024-10-01',
      '--opened',
      '2024-09-01',
    ],
    early,
  );
  await run(['station', 'add', '--code', 'B', '--name', '东关驿站', '--community', '东关社区', '--amenities', 'seating', '--opened', '2024-09-10'], early);
  await run(['points', 'rule', 'add', 'errand', '--name', '爱心跑腿', '--points', '10'], early);
  await run(['gift', 'add', 'raincoat', '--name', '雨衣', '--cost', '10', '--stock', '3'], early);
  await run(['sponsor', 'add', '区总工会', '--type', 'union'], early);
  // Week 37 (Mon 09-09 … Sun 09-15): a rider registered and awarded at Sunday 23:59.
  await run(['worker', 'add', '--name', '周日', '--phone', '13800000001', '--occupation', 'rider', '--community', '夹马营社区'], SUNDAY_2359);
  await run(['points', 'award', '13800000001', '--rule', 'errand'], SUNDAY_2359);
  await run(['points', 'award', '13800000001', '--rule', 'errand'], SUNDAY_2359);
  await run(['points', 'redeem', '13800000001', '--gift', 'raincoat'], SUNDAY_2359);
  await run(['wish', 'add', '--title', '电饭煲', '--category', 'appliance', '--worker', '13800000001', '--estimate', '200'], SUNDAY_2359);
  await run(['wish', 'list-publish'], SUNDAY_2359);
  await run(['wish', 'claim', '1', '--sponsor', '区总工会', '--pledge', '180', '--due', '2024-09-20'], SUNDAY_2359);
  // Week 38: a courier registered and awarded at Monday 00:00.
  await run(['worker', 'add', '--name', '周一', '--phone', '13800000002', '--occupation', 'courier', '--community', '东关社区'], MONDAY_0000);
  await run(['points', 'award', '13800000002', '--rule', 'errand'], MONDAY_0000);
  await run(['wish', 'fulfil', '1', '--cost', '175.5'], MONDAY_0000);
  return fresh;
}

async function weekly(cli: Awaited<ReturnType<typeof boundaryDistrict>>['cli'], argv: string[], tz: string, now = '2024-09-23T01:00:00Z') {
  const r = await cli(['report', 'weekly', ...argv, '--format', 'json'], { env: { TZ: tz, NUANXIN_NOW: now } });
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('report weekly across week boundaries', () => {
  it('puts Sunday 23:59 in one ISO week and Monday 00:00 in the next, with exact figures', async () => {
    const { cli } = await boundaryDistrict();
    const w37 = await weekly(cli, ['--week', '2024-W37'], 'Asia/Shanghai');
    expect(w37.period).toEqual({ from: '2024-09-09', to: '2024-09-15', week: '2024-W37' });
    expect(w37.workers).toMatchObject({ active: 1, new: 1, deactivated: 0, by_occupation: { rider: 1, courier: 0 } });
    expect(w37.stations).toEqual({ open: 2, fully_equipped: 1, with_gaps: 1, medicine_expired: 0, medicine_expiring: 1, average_score: 54 });
    expect(w37.points).toEqual({ awarded: 20, redeemed: 10, reversed: 0, expired: 0, net: 10, earners: 1 });
    expect(w37.wishes).toMatchObject({ collected: 1, claimed: 1, fulfilled: 0, followed_up: 0, overdue: 0, pledged_yuan: 180, spent_yuan: 0 });
    expect(w37.previous.period).toEqual({ from: '2024-09-02', to: '2024-09-08', week: '2024-W36' });
    expect(w37.previous.stations.open).toBe(1);
    expect(w37.previous.points.awarded).toBe(0);
    expect(w37.change.points).toMatchObject({ awarded: 20, net: 10 });
    expect(w37.details.top_volunteers).toEqual([{ rank: 1, name: '周*', phone: '138****0001', community: '夹马营社区', points: 20 }]);
    expect(w37.details.low_stock_gifts).toEqual([{ code: 'raincoat', name: '雨衣', stock: 2 }]);

    const w38 = await weekly(cli, ['--week', '2024-W38'], 'Asia/Shanghai');
    expect(w38.workers).toMatchObject({ active: 2, new: 1, by_occupation: { rider: 0, courier: 1 } });
    expect(w38.points).toMatchObject({ awarded: 10, redeemed: 0, earners: 1 });
    expect(w38.wishes).toMatchObject({ collected: 0, claimed: 0, fulfilled: 1, spent_yuan: 175.5 });
    expect(w38.charts.points_by_week.at(-1)).toEqual({ week: '2024-W38', from: '2024-09-16', awarded: 10, redeemed: 0 });
    expect(w38.charts.points_by_week.at(-2)).toEqual({ week: '2024-W37', from: '2024-09-09', awarded: 20, redeemed: 10 });
  });

  it('gives the same figures under TZ=UTC and TZ=Asia/Shanghai', async () => {
    const { cli } = await boundaryDistrict();
    for (const week of ['2024-W37', '2024-W38']) {
      expect(await weekly(cli, ['--week', week], 'UTC')).toEqual(await weekly(cli, ['--week', week], 'Asia/Shanghai'));
    }
  });

  it("defaults to the last complete ISO week in the district's zone", async () => {
    const { cli } = await boundaryDistrict();
    // Monday 09:00 in Shanghai: the week just ended is W37.
    expect((await weekly(cli, [], 'Asia/Shanghai', '2024-09-16T01:00:00Z')).period.week).toBe('2024-W37');
    expect((await weekly(cli, [], 'UTC', '2024-09-16T01:00:00Z')).period.week).toBe('2024-W37');
  });

  it('scopes to one community and refuses bad periods', async () => {
    const { cli } = await boundaryDistrict();
    const east = await weekly(cli, ['--week', '2024-W38', '--community', '东关社区'], 'Asia/Shanghai');
    expect(east).toMatchObject({ community: '东关社区', workers: { active: 1 }, points: { awarded: 10 }, stations: { open: 1 } });
    expect((await cli(['report', 'weekly', '--week', '2024-W99'])).code).toBe(5);
    expect((await cli(['report', 'weekly', '--week', '2024-W37', '--from', '2024-09-01'])).code).toBe(5);
    expect((await cli(['report', 'weekly', '--community', '无此社区'])).code).toBe(3);
  });
});

describe('report formats', () => {
  it('every format renders the same numbers', async () => {
    const { cli } = await boundaryDistrict();
    const env = { env: { NUANXIN_NOW: '2024-09-23T01:00:00Z' } };
    const out = async (format: string) => (await cli(['report', 'weekly', '--week', '2024-W37', '--format', format], env)).stdout;
    const [table, md, csv, html] = [await out('table'), await out('md'), await out('csv'), await out('html')];
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Volunteer points,awarded,20,0,20\r\n');
    expect(csv).toContain('Micro-wishes,pledged ¥,180,0,180\r\n');
    expect(md).toContain('| awarded | 20 | 0 | +20 |');
    expect(md).toContain('| workers who earned | 1 | 0 | +1 |');
    expect(table).toMatch(/│ awarded\s+│ 20\s+│ 0\s+│ \+20\s+│/);
    expect(html).toContain('<td>awarded</td><td class="num">20</td><td class="num">0</td><td class="num">+20</td>');
    for (const text of [table, md, html]) expect(text).toContain('2024-09-09');
  });

  it('writes one self-contained HTML file with three well-formed SVG charts', async () => {
    const { cli, dir } = await boundaryDistrict();
    const file = join(dir, 'weekly.html');
    const r = await cli(['report', 'weekly', '--week', '2024-W38', '--format', 'html', '--out', file], { env: { NUANXIN_NOW: '2024-09-23T01:00:00Z' } });
    expect(r).toMatchObject({ code: 0, stdout: '' });
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('@page { size: A4');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) expect(wellFormed(svg)).toBeUndefined();
    expect(svgs[0]!.match(/class="bar"/g)).toHaveLength(24);
    expect(wellFormed(html)).toBeUndefined();
  });

  it('--out leaves no partial file when it fails', async () => {
    const { cli, dir } = await boundaryDistrict();
    const target = join(dir, 'is-a-directory');
    mkdirSync(target);
    const r = await cli(['report', 'weekly', '--format', 'md', '--out', target]);
    expect(r.code).not.toBe(0);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: refusing to write .*: it is a directory/);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    const missing = join(dir, 'no-such-dir', 'r.md');
    expect((await cli(['report', 'weekly', '--out', missing])).code).toBe(5);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('report programme and area reports', () => {
  it('gives one block per action with the change since the previous period', async () => {
    const { cli } = await boundaryDistrict();
    const r = JSON.parse((await cli(['report', 'programme', '--week', '2024-W37', '--format', 'json'])).stdout);
    expect(r.actions.map((a: { no: number }) => a.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.actions.find((a: { key: string }) => a.key === 'points').figures).toEqual([
      { key: 'awarded', current: 20, previous: 0, change: 20 },
      { key: 'redeemed', current: 10, previous: 0, change: 10 },
      { key: 'earners', current: 1, previous: 0, change: 1 },
    ]);
    const alias = await cli(['report', 'program', '--week', '2024-W37', '--format', 'md']);
    expect(alias.code).toBe(0);
    expect(alias.stdout).toContain('## 7. Volunteer points');
  });

  it('renders area reports', async () => {
    const { cli } = await boundaryDistrict();
    const points = JSON.parse((await cli(['report', 'points', '--week', '2024-W37', '--json'])).stdout);
    expect(points.by_rule).toEqual([{ rule: 'errand', name: '爱心跑腿', awards: 2, points: 20 }]);
    const workers = JSON.parse((await cli(['report', 'workers', '--json'])).stdout);
    expect(workers).toMatchObject({ total: 2 });
    expect((await cli(['report', 'stations', '--format', 'md'])).stdout).toContain('东关驿站');
    expect((await cli(['report', 'wishes', '--week', '2024-W38', '--format', 'csv'])).code).toBe(0);
    expect((await cli(['report', 'community', '夹马营社区', '--week', '2024-W37', '--json'])).stdout).toContain('"community": "夹马营社区"');
  });
});

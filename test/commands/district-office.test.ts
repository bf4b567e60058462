// The district office's layer (issue #14): 街道 roll-ups, units, owners and targets.
import { describe, expect, it } from 'vitest';
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
    expect(stations.stations.map((s: { name: string }) => s.name)).toEqual(['夹马营驿站']);
    const workers = await json(['report', 'workers', '--subdistrict', '张掖路街道']);
    expect(workers.total).toBe(2);
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

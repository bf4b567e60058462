// Chinese first, as a clerk meets it: the language chosen once, help that answers, the seed's own
// words accepted where they belong, prompts that catch a mistake as it is typed, reports without an
// English label, quiet cron runs and the right file modes.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../src/domain/vocabulary.js';
import { freshCli, runCli, tempDir } from '../helpers/cli.js';
import { englishWords } from './english-words.js';

const CODES = Object.values(VOCABULARY).flatMap((terms) => terms.map((t) => t.code));
const ZH = { LANG: 'C' }; // nothing in the locale says otherwise: Chinese

async function district() {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-25' });
  await fresh.json(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  return fresh;
}

describe('the language, chosen once', () => {
  it('a district that said `config set lang zh` hears Chinese even under an English locale; --lang and NUANXIN_LANG still win', async () => {
    const { cli } = await district();
    expect((await cli(['worker', 'show', '罗欣'])).stderr).toMatch(/^error: no worker/);
    expect((await cli(['config', 'set', 'lang', 'zh'])).code).toBe(0);
    const zh = await cli(['worker', 'show', '罗欣']);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toBe('错误: 没有手机号或编号为 罗欣 的劳动者\n提示: 按姓名查找：`nuanxin worker list --search 罗欣`\n');
    expect((await cli(['--lang', 'en', 'worker', 'show', '罗欣'])).stderr).toMatch(/^error: no worker with phone or id 罗欣\nhint: search by name/);
    expect((await cli(['worker', 'show', '罗欣'], { env: { NUANXIN_LANG: 'en' } })).stderr).toMatch(/^error: no worker/);
    expect((await cli(['config', 'set', 'lang', 'auto'])).code).toBe(0);
    expect((await cli(['worker', 'show', '罗欣'], { env: ZH })).stderr).toMatch(/^错误: /);
  });

  it('refuses a language it does not speak, in Chinese', async () => {
    const { cli } = await district();
    const r = await cli(['config', 'set', 'lang', 'fr'], { env: ZH });
    expect(r.code).toBe(5);
    expect(r.stderr).toBe('错误: lang 的值 "fr" 无效\n提示: zh 或 en：本辖区所有命令使用的语言，除非 --lang 或 NUANXIN_LANG 另行指定（auto：跟随系统区域设置，否则为中文）\n');
  });

  it("commander's own errors are said in Chinese, with the suggestion", async () => {
    const { cli } = await district();
    expect(await cli(['wrker', 'list'], { env: ZH })).toEqual(
      expect.objectContaining({ code: 2, stdout: '', stderr: "错误: 未知命令 'wrker'\n（您是不是要输入：worker？）\n（加 --help 查看用法）\n" }),
    );
    expect((await cli(['worker', 'show'], { env: ZH })).stderr).toBe("错误: 缺少必需的参数 '手机号或编号'\n（加 --help 查看用法）\n");
    expect((await cli(['worker', 'list', '--bogus'], { env: ZH })).stderr).toBe("错误: 未知选项 '--bogus'\n（加 --help 查看用法）\n");
    expect((await cli(['--lang', 'fr', 'worker', 'list'], { env: ZH })).stderr).toBe("错误: 选项 '--lang <语言>' 的值 'fr' 无效；可选：zh, en\n（加 --help 查看用法）\n");
    expect((await cli(['--quiet', '--verbose', 'worker', 'list'], { env: ZH })).stderr).toMatch(/^错误: '--quiet' 不能与 '--verbose' 同时使用/);
  });
});

describe('asking for help is not a mistake', () => {
  it.each([[[]], [['help']], [['help', 'worker']], [['worker']], [['points', 'rule']], [['--help']]])('nuanxin %j shows help on stdout and exits 0', async (argv) => {
    const r = await runCli(argv, { env: { ...ZH, NUANXIN_DB: join(tempDir(), 'none.db') } });
    expect(r).toEqual(expect.objectContaining({ code: 0, stderr: '' }));
    expect(r.stdout).toMatch(/^用法： nuanxin/);
    expect(r.stdout).toContain('选项：');
  });

  it('in English too', async () => {
    const r = await runCli(['worker'], { env: { NUANXIN_DB: join(tempDir(), 'none.db') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: nuanxin worker \[options\] \[command\]/);
  });
});

describe("the seed's words", () => {
  it("are accepted wherever they belong and shown in the run's language", async () => {
    const { cli, json } = await district();
    expect((await json(['worker', 'add', '--name', '王强', '--phone', '13800138000', '--occupation', '送餐员', '--community', '夹马营社区'])).occupation).toBe('rider');
    expect((await json(['worker', 'add', '--name', '李丽', '--phone', '13900139000', '--occupation', '货运车司机'])).occupation).toBe('truck');
    expect((await json(['station', 'add', '--name', '夹马营驿站', '--community', '夹马营社区', '--amenities', '充电充气工具，桌椅'])).amenities).toEqual(['seating', 'charging']);
    expect((await json(['community', 'measures', '夹马营社区', '--set', '门牌标识、免费热水'])).measures).toEqual(['door_signs', 'hot_water']);
    expect((await json(['merchant', 'add', '老王面馆', '--community', '夹马营社区', '--offers', '免费热水,充电'])).offers).toEqual(['hot_water', 'charging']);
    for (const [type, code] of [
      ['心理咨询', 'counselling'],
      ['防灾减灾', 'disaster_prevention'],
      ['交通安全普法讲座', 'traffic_safety_law'],
    ]) {
      const event = await json(['event', 'add', '--type', type!, '--title', `${type}活动`, '--date', '2026-11-20', '--community', '夹马营社区']);
      expect(event.type).toBe(code);
      expect((await cli(['event', 'attend', String(event.id), '13800138000'])).code).toBe(0);
    }
    // Counted under the health action (4), as the seed lists them.
    const report = await json(['report', 'programme', '--from', '2026-11-16', '--to', '2026-11-22']);
    const health = report.actions.find((a: { key: string }) => a.key === 'health');
    expect(health.figures.find((f: { key: string }) => f.key === 'events').current).toBe(3);
    expect(health.figures.find((f: { key: string }) => f.key === 'attendance').current).toBe(3);
    const list = await cli(['worker', 'list'], { env: ZH });
    expect(list.stdout).toContain('外卖骑手');
    expect(list.stdout).toContain('货车司机');
    expect(list.stdout).toContain('在册');
    expect(list.stdout).not.toMatch(/\brider\b|\bactive\b/);
    expect((await cli(['event', 'list'], { env: ZH })).stdout).toContain('交通安全普法讲座');
    expect((await cli(['--lang', 'en', 'event', 'list'])).stdout).toContain('traffic-safety law lecture');
    expect((await cli(['wish', 'list', '--status', '已认领'], { env: ZH })).code).toBe(0);
    expect((await cli(['worker', 'list', '--occupation', '外卖骑手', '--json'])).stdout).toContain('"occupation": "rider"');
  });

  it('an unknown word is refused with what is accepted, codes and Chinese', async () => {
    const { cli } = await district();
    const r = await cli(['event', 'add', '--type', '瑜伽', '--title', 'x', '--date', '2026-11-20'], { env: ZH });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('心理咨询');
    expect(r.stderr).toContain('counselling');
  });
});

describe('prompts check each answer as it is typed', () => {
  it('station add: a bad phone and a bad date are asked again; the other answers are kept; medicine asks its expiry', async () => {
    const { cli, json } = await district();
    const answers = ['东关驿站', '夹马营社区', '', '东关路1号', '张三', '电话号码', '13800138000', '8:00-20:00', ['seating', 'medicine'], '', '2027-13-01', '2027-06-30'];
    const r = await cli(['station', 'add'], { tty: true, answers, env: ZH });
    expect(r.code).toBe(0);
    expect(r.refused).toEqual(['手机号码 "电话号码" 无效', '药品到期日期 "2027-13-01" 不是有效日期（请用 YYYY-MM-DD）']);
    const station = (await json(['station', 'list'])).find((s: { name: string }) => s.name === '东关驿站');
    expect(station).toMatchObject({ address: '东关路1号', contactName: '张三', hours: '8:00-20:00', amenities: ['seating', 'medicine'], medicineExpiresOn: '2027-06-30' });
  });

  it('station add: a community that does not exist is offered for creation, with its 街道', async () => {
    const { cli, json } = await freshCli({ NUANXIN_TODAY: '2026-11-25' });
    const answers = ['北窑驿站', '北窑社区', true, '北窑街道', '', '', '', '', '', [], ''];
    const r = await cli(['station', 'add'], { tty: true, answers, env: ZH });
    expect(r.code).toBe(0);
    expect(await json(['community', 'list'])).toEqual([expect.objectContaining({ name: '北窑社区', subdistrict: '北窑街道', stations: 1 })]);
  });

  it('worker add: a mistyped phone is asked again', async () => {
    const { cli } = await district();
    const r = await cli(['worker', 'add'], { tty: true, answers: ['王五', '1370013700', '13700137000', 'taxi', '夹马营社区'], env: ZH });
    expect(r.code).toBe(0);
    expect(r.refused).toEqual(['手机号 "1370013700" 不是有效的 11 位手机号']);
  });
});

describe('what a clerk reads', () => {
  it('history reads as changes, at district time (YYYY-MM-DD HH:mm), not JSON or UTC', async () => {
    const { cli } = await district();
    const at = { NUANXIN_NOW: '2026-11-25T01:30:00Z' };
    expect((await cli(['station', 'add', '--name', '东关驿站', '--community', '夹马营社区', '--code', 'ST9'], { env: at })).code).toBe(0);
    expect((await cli(['station', 'update', 'ST9', '--name', '东关顺丰驿站'], { env: at })).code).toBe(0);
    const show = await cli(['station', 'show', 'ST9'], { env: { ...ZH, ...at } });
    expect(show.stdout).toMatch(/^ {2}2026-11-25 09:30 {2}tester {2}修改 {2}名称：东关驿站 → 东关顺丰驿站$/m);
    expect(show.stdout).not.toMatch(/T\d{2}:\d{2}|\{"/);
  });

  it('a zh report has no English label in any format', async () => {
    const { cli, json } = await district();
    await json(['worker', 'add', '--name', '王强', '--phone', '13800138000', '--occupation', '送餐员', '--community', '夹马营社区']);
    await json(['station', 'add', '--name', '夹马营驿站', '--community', '夹马营社区', '--amenities', '桌椅,微波炉']);
    await json(['points', 'rule', 'add', '巡查', '--name', '安全巡查', '--points', '10']);
    await json(['points', 'award', '13800138000', '--rule', '巡查', '--date', '2026-11-18']);
    await json(['wish', 'add', '--title', '一台电风扇', '--category', '家用电器', '--worker', '13800138000', '--collected-on', '2026-11-17']);
    const allowed = [...CODES, 'nuanxin', 'W47', 'ST0001'];
    for (const report of ['weekly', 'programme', 'stations', 'points', 'wishes', 'workers']) {
      for (const format of report === 'weekly' || report === 'programme' ? ['table', 'md', 'csv', 'html'] : ['table', 'md', 'csv']) {
        const r = await cli(
          ['report', report, '--week', '2026-W47', '--format', format].filter((a) => !(report === 'stations' || report === 'workers') || !['--week', '2026-W47'].includes(a)),
          { env: ZH },
        );
        expect(r.code, `${report} ${format}: ${r.stderr}`).toBe(0);
        const text =
          format === 'html'
            ? r.stdout
                .replace(/<style>[\s\S]*?<\/style>/, '')
                .replace(/<[^>]+>/g, ' ')
                .replace(/&\w+;/g, ' ')
            : r.stdout;
        expect(englishWords(text, allowed), `${report} ${format}`).toEqual([]);
      }
    }
  });
});

describe('cron-friendly', () => {
  it('success chatter only on a terminal or with --verbose; --quiet leaves only errors; reports 0644, personal files 0600', async () => {
    const { cli, dir } = await district();
    await cli(['worker', 'add', '--name', '王强', '--phone', '13800138000', '--occupation', 'rider']);
    const report = join(dir, '周报.html');
    const quietRun = await cli(['report', 'weekly', '--format', 'html', '--out', report]);
    expect(quietRun).toEqual(expect.objectContaining({ code: 0, stdout: '', stderr: '' }));
    expect(statSync(report).mode & 0o777).toBe(0o644);
    expect((await cli(['--verbose', 'report', 'weekly', '--format', 'html', '--out', report])).stderr).toBe(`report written to ${report}\n`);
    expect((await cli(['report', 'weekly', '--format', 'html', '--out', report], { tty: true })).stderr).toBe(`report written to ${report}\n`);

    const roster = join(dir, 'roster.csv');
    const rejects = join(dir, 'rejects.csv');
    writeFileSync(roster, '姓名,手机号码,从业类型,外号\n李丽,13900139000,快递员,小李\n赵六,12345,快递员,\n');
    const first = await cli(['worker', 'import', roster, '--rejects', rejects]);
    expect(first.stderr).toBe('ignoring unknown column(s): 外号\n');
    expect(statSync(rejects).mode & 0o777).toBe(0o600);
    const again = await cli(['--quiet', 'worker', 'import', roster]);
    expect(again.stderr).toBe('');
    // --quiet: a write's confirmation goes too; data asked for still comes.
    expect(await cli(['--quiet', 'community', 'add', '北关社区'])).toEqual(expect.objectContaining({ code: 0, stdout: '', stderr: '' }));
    expect((await cli(['--quiet', 'community', 'list'])).stdout).toContain('北关社区');
    expect((await cli(['--quiet', 'community', 'add', '南关社区', '--json'])).stdout).toContain('"name": "南关社区"');
    const exported = join(dir, 'export.csv');
    expect((await cli(['worker', 'export', '--out', exported])).code).toBe(0);
    expect(statSync(exported).mode & 0o777).toBe(0o600);
    expect(readFileSync(exported, 'utf8')).toContain('138****8000');
  });
});

describe('a zh export round-trips', () => {
  it('worker export --lang zh (revealed) is read back by worker import, values and all', async () => {
    const { cli, dir } = await district();
    await cli([
      'worker',
      'add',
      '--name',
      '王强',
      '--phone',
      '13800138000',
      '--occupation',
      '送餐员',
      '--community',
      '夹马营社区',
      '--gender',
      '男',
      '--id-number',
      '11010519491231002X',
      '--joined',
      '2024-03-05',
      '--note',
      '夜班',
    ]);
    const file = join(dir, '花名册.csv');
    expect((await cli(['--lang', 'zh', 'worker', 'export', '--reveal', '--reason', '核对', '--out', file])).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF编号,姓名,手机号码,从业类型,平台,站点,社区,状态,身份证号,性别,街道,入职日期,登记日期,备注');
    expect(text).toContain('王强,13800138000,外卖骑手,,,夹马营社区,在册,11010519491231002X,男,');

    const other = await freshCli({ NUANXIN_TODAY: '2026-11-25' });
    await other.json(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
    const imported = await other.json(['worker', 'import', file]);
    expect(imported).toMatchObject({ inserted: 1, rejected: 0 });
    const [worker] = await other.json(['worker', 'list', '--reveal', '--reason', '核对']);
    expect(worker).toMatchObject({ name: '王强', phone: '13800138000', occupation: 'rider', community: '夹马营社区' });
  });
});

describe('shell completion', () => {
  it('prints a bash script that completes commands, options and values in both languages', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = (await runCli(['completion', 'bash'])).stdout;
    expect(script).toContain('complete -o filenames -F _nuanxin nuanxin');
    const file = join(tempDir(), 'nuanxin.bash');
    writeFileSync(file, script);
    const complete = (...words: string[]) =>
      spawnSync(
        'bash',
        ['-c', `source "${file}"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _nuanxin; printf '%s\\n' "\${COMPREPLY[@]}"`],
        { encoding: 'utf8' },
      )
        .stdout.trim()
        .split('\n');
    expect(complete('nuanxin', 'ev')).toEqual(['event']);
    expect(complete('nuanxin', 'event', 'add', '--ty')).toEqual(['--type']);
    expect(complete('nuanxin', 'event', 'add', '--type', '心')).toEqual(['心理咨询', '心理疏导']);
    expect(complete('nuanxin', '--db', 'x.db', 'worker', 'list', '--occupation', 'ri').sort()).toEqual(['ride_hailing', 'rider']);
    // Options the domain parses (lists, and values also read from files) complete too.
    expect(complete('nuanxin', 'worker', 'add', '--occupation', '送')).toEqual(['送餐员']);
    expect(complete('nuanxin', 'community', 'measures', '夹马营社区', '--set', '门')).toEqual(['门牌标识', '门牌']);
    expect((await runCli(['completion', 'zsh'])).stdout).toMatch(/^#compdef nuanxin\n[\s\S]*bashcompinit/);
    expect((await runCli(['completion', 'fish'])).code).toBe(2);
  });
});

describe('an unknown community, typed on a terminal', () => {
  it('worker add --community 新区社区: offered for creation with its 街道, then the worker is added', async () => {
    const { cli, json } = await district();
    const r = await cli(['worker', 'add', '--name', '张三', '--phone', '13911112223', '--occupation', '送餐员', '--community', '新区社区'], {
      tty: true,
      answers: [true, '北关街道'],
      env: ZH,
    });
    expect(r.code).toBe(0);
    expect((await json(['community', 'list'])).find((c: { name: string }) => c.name === '新区社区')).toMatchObject({ subdistrict: '北关街道', workers: 1 });
  });

  it("station add --community 新区社区 --amenities 应急药品: the community offered, the medicine's expiry asked", async () => {
    const { cli, json } = await district();
    const r = await cli(['station', 'add', '--name', '新区驿站', '--community', '新区社区', '--amenities', '应急药品'], { tty: true, answers: ['2027-06-30', true, ''], env: ZH });
    expect(r.code).toBe(0);
    expect((await json(['station', 'list'])).find((s: { name: string }) => s.name === '新区驿站')).toMatchObject({ community: '新区社区', medicineExpiresOn: '2027-06-30' });
  });

  it('declined, or off a terminal, the refusal stands and nothing is added', async () => {
    const { cli, json } = await district();
    expect((await cli(['station', 'add', '--name', 'X', '--community', '新区社区'], { tty: true, answers: [false], env: ZH })).code).toBe(3);
    expect((await cli(['station', 'add', '--name', 'X', '--community', '新区社区'], { env: ZH })).code).toBe(3);
    expect((await json(['community', 'list'])).map((c: { name: string }) => c.name)).toEqual(['夹马营社区']);
  });
});

describe('after review: what a clerk reads in Chinese, literally', () => {
  it("the audit and a station's history name actions, entities, fields and states in Chinese; amenity lists compare by label", async () => {
    const { cli } = await district();
    await cli(['station', 'add', '--name', '东关驿站', '--community', '夹马营社区', '--code', 'ST9', '--amenities', '桌椅,充电']);
    await cli(['station', 'update', 'ST9', '--amenities', '桌椅,微波炉']);
    await cli(['station', 'close', 'ST9', '--reason', '场地改造']);
    const audit = (await cli(['audit'], { env: ZH })).stdout;
    expect(audit).toMatch(/关闭\t驿站：ST9\t状态：开放 → 已关闭；/);
    const show = (await cli(['station', 'show', 'ST9'], { env: ZH })).stdout;
    expect(show).toContain('修改  设施：桌椅、充电/充气工具 → 桌椅、微波炉');
    expect(show).toContain('已关闭（2026-11-25：场地改造）');
    expect((await cli(['db', 'status'], { env: ZH })).stdout).toMatch(/\t\d{4}-\d{2}-\d{2} \d{2}:\d{2}\n/);
  });

  it('rules and gifts are found by their registered names; refusals name states in Chinese', async () => {
    const { cli, json } = await district();
    await json(['worker', 'add', '--name', '王强', '--phone', '13800138000', '--occupation', 'rider']);
    await json(['points', 'rule', 'add', 'errand', '--name', '爱心跑腿', '--points', '10']);
    await json(['gift', 'add', 'raincoat', '--name', '骑手雨衣', '--cost', '5', '--stock', '2']);
    expect((await json(['points', 'award', '13800138000', '--rule', '爱心跑腿'])).points).toBe(10);
    expect((await cli(['points', 'redeem', '13800138000', '--gift', '骑手雨衣'])).code).toBe(0);
    await json(['wish', 'add', '--title', '电风扇', '--category', '家用电器', '--worker', '13800138000']);
    expect((await cli(['wish', 'fulfil', '1'], { env: ZH })).stderr).toBe(
      '错误: 第 1 号心愿当前为已收集，不能执行 `wish fulfil`；可以改为：已发布、已取消（wish list-publish, wish cancel）\n',
    );
    await cli(['wish', 'cancel', '1', '--reason', '重复']);
    await json(['sponsor', 'add', '区总工会', '--type', '工会']);
    expect((await cli(['wish', 'claim', '1', '--sponsor', '区总工会'], { env: ZH })).stderr).toBe('错误: 第 1 号心愿当前为已取消，已是最终状态，不能执行 `wish claim`\n');
  });

  it("a worker's 街道 follows their community", async () => {
    const { cli, json } = await district();
    await json(['community', 'add', '东关社区', '--subdistrict', '东关街道']);
    await json(['worker', 'add', '--name', '王强', '--phone', '13800138000', '--occupation', 'rider', '--community', '夹马营社区']);
    await cli(['worker', 'update', '13800138000', '--community', '东关社区']);
    expect((await json(['worker', 'show', '13800138000'])).subdistrict).toBe('东关街道');
  });

  it('asking help of what does not exist, or with a bad global value, is an error; help of a verb shows that verb', async () => {
    const { cli } = await district();
    expect(await cli(['help', 'nosuch'], { env: ZH })).toEqual(
      expect.objectContaining({ code: 2, stdout: '', stderr: "错误: 未知命令 'nosuch'\n提示: `nuanxin help` 列出全部命令\n" }),
    );
    expect((await cli(['worker', 'edit', '--help'], { env: ZH })).code).toBe(2);
    expect((await cli(['--lang', 'fr'], { env: ZH })).code).toBe(2);
    expect((await cli(['--db'], { env: ZH })).code).toBe(2);
    expect((await cli(['help', 'worker', 'list'], { env: ZH })).stdout).toMatch(/^用法： nuanxin worker list/);
  });

  it('--quiet leaves out the confirmation of init and config set', async () => {
    const { cli } = await district();
    expect(await cli(['--quiet', 'config', 'set', 'wishes.claim_days', '31'])).toEqual(expect.objectContaining({ code: 0, stdout: '', stderr: '' }));
    expect(await cli(['--quiet', 'init'])).toEqual(expect.objectContaining({ code: 0, stdout: '', stderr: '' }));
  });
});

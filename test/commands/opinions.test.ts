// Opinions and suggestions (意见建议): a strand added by ARCHITECTURE.md's checklist —
// its commands, its state machine, its weekly figures and its part of a worker's record.
import { describe, expect, it } from 'vitest';
import { rawRows } from '../helpers/raw.js';
import { freshCli } from '../helpers/cli.js';
import { englishWords } from '../i18n/english-words.js';

const P1 = '13800138000';

async function district() {
  const fresh = await freshCli({ NUANXIN_NOW: '2026-11-25T02:00:00Z' });
  const ok = async (argv: string[]) => {
    const r = await fresh.cli(argv);
    if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
    return r;
  };
  await ok(['community', 'add', '夹马营社区', '--subdistrict', '张掖路街道']);
  await ok(['community', 'add', '东关社区', '--subdistrict', '东关街道']);
  await ok(['worker', 'add', '--name', '王小明', '--phone', P1, '--occupation', '外卖骑手', '--community', '夹马营社区']);
  // Referrals go to registered units.
  await ok(['unit', 'add', '区住建局', '--type', 'department']);
  await ok(['unit', 'add', '区总工会', '--type', 'union']);
  return { ...fresh, ok };
}

describe('opinion add', () => {
  it('from a worker: linked to them, in their community, masked when listed', async () => {
    const { json, cli } = await district();
    const added = await json(['opinion', 'add', '希望驿站延长开放时间到晚上10点', '--topic', '休息', '--from', P1, '--date', '2026-11-20']);
    expect(added).toMatchObject({
      id: 1,
      heardOn: '2026-11-20',
      topic: 'rest',
      worker: '王小明',
      phone: '138****8000',
      community: '夹马营社区',
      status: 'open',
      statusOn: '2026-11-20',
      source: null,
    });
    expect(Object.keys((await json(['opinion', 'list']))[0]).sort()).toEqual(
      Object.keys(added)
        .filter((k) => k !== 'workerId')
        .sort(),
    );
    const listed = await cli(['opinion', 'list']);
    expect(listed.stdout).toContain('希望驿站延长开放时间到晚上10点');
    expect(listed.stdout).not.toContain(P1);
  });

  it('from a place, in the community named; the text is kept as said', async () => {
    const { json } = await district();
    const added = await json(['opinion', 'add', '站点附近缺少充电桩', '--topic', 'charging', '--from', '顺丰东关营业部', '--community', '东关社区']);
    expect(added).toMatchObject({ topic: 'charging', worker: null, source: '顺丰东关营业部', community: '东关社区', heardOn: '2026-11-25' });
  });

  it('refuses an unknown phone (exit 3), an unknown community (exit 3), a future date and an empty text (exit 5), and writes nothing', async () => {
    const { cli, json } = await district();
    expect((await cli(['opinion', 'add', '停车难', '--topic', 'parking', '--from', '13900139000'])).code).toBe(3);
    expect((await cli(['opinion', 'add', '停车难', '--topic', 'parking', '--community', '不存在社区'])).code).toBe(3);
    const future = await cli(['opinion', 'add', '停车难', '--topic', 'parking', '--date', '2026-12-01']);
    expect(future.code).toBe(5);
    const blank = await cli(['opinion', 'add', '   ', '--topic', 'parking']);
    expect(blank.code).toBe(5);
    expect(blank.stderr).toMatch(/text/);
    expect(await json(['opinion', 'list'])).toEqual([]);
  });

  it('speaks Chinese: the topic and status by their Chinese names', async () => {
    const { cli } = await district();
    await cli(['opinion', 'add', '停车难', '--topic', '停车']);
    const zh = await cli(['opinion', 'list'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('停车');
    expect(zh.stdout).toContain('待办理');
    expect(zh.stdout).toContain('意见建议');
  });
});

describe('opinion update: open → referred → answered → resolved', () => {
  // Written out here, not imported from the code's own table.
  const ALLOWED: Record<string, string[]> = {
    open: ['referred', 'answered', 'resolved'],
    referred: ['answered', 'resolved'],
    answered: ['resolved'],
    resolved: [],
  };
  const PATH_TO: Record<string, string[]> = { open: [], referred: ['referred'], answered: ['answered'], resolved: ['resolved'] };

  for (const [from, path] of Object.entries(PATH_TO)) {
    for (const to of ['referred', 'answered', 'resolved']) {
      const allowed = ALLOWED[from]!.includes(to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused (exit 4)'}`, async () => {
        const { cli, json } = await district();
        await json(['opinion', 'add', '房租太贵', '--topic', 'rent', '--from', P1, '--date', '2026-11-01']);
        const referral = (status: string) => (status === 'referred' ? ['--to', '区住建局'] : []);
        for (const step of path) await json(['opinion', 'update', '1', '--status', step, ...referral(step), '--date', '2026-11-10']);
        const r = await cli(['opinion', 'update', '1', '--status', to, ...referral(to), '--date', '2026-11-20', '--json']);
        if (allowed) {
          expect(r.code).toBe(0);
          expect(JSON.parse(r.stdout)).toMatchObject({ status: to, statusOn: '2026-11-20' });
        } else {
          expect(r.code).toBe(4);
          expect(r.stderr).toContain(`opinion #1 is ${from}: it cannot become ${to}`);
          expect((await json(['opinion', 'list']))[0].status).toBe(from);
        }
      });
    }
  }

  it('a referral names where it went; a step is never dated before the last (exit 5)', async () => {
    const { cli, json } = await district();
    await json(['opinion', 'add', '房租太贵', '--topic', 'rent', '--date', '2026-11-10']);
    const unnamed = await cli(['opinion', 'update', '1', '--status', 'referred']);
    expect(unnamed.code).toBe(5);
    expect(unnamed.stderr).toContain('--to');
    const early = await cli(['opinion', 'update', '1', '--status', 'answered', '--date', '2026-11-09']);
    expect(early.code).toBe(5);
    expect(early.stderr).toContain('before');
    expect(await json(['opinion', 'update', '1', '--status', '已转办', '--to', '区住建局'])).toMatchObject({ status: 'referred', referredTo: '区住建局' });
  });

  it("every step's note stays in the audit trail; --to goes only with a referral (exit 5, nothing changed)", async () => {
    const { cli, json } = await district();
    await json(['opinion', 'add', '夜班无处休息', '--topic', 'rest', '--note', '早会听取']);
    await json(['opinion', 'update', '1', '--status', '已转办', '--to', '区总工会', '--note', '已电话联系工会王科长']);
    const wrong = await cli(['opinion', 'update', '1', '--status', 'answered', '--to', '某局']);
    expect(wrong.code).toBe(5);
    expect(wrong.stderr).toContain('--to');
    expect((await json(['opinion', 'list']))[0]).toMatchObject({ status: 'referred', referredTo: '区总工会' });
    await json(['opinion', 'update', '1', '--status', '已解决', '--note', '延长至22点']);
    const trail = JSON.stringify(await json(['audit', '--entity', 'opinion']));
    for (const note of ['已电话联系工会王科长', '延长至22点', '区总工会']) expect(trail).toContain(note);
  });

  it('a mistyped phone in --from is refused, not kept as a place (exit 5)', async () => {
    const { cli, json } = await district();
    const r = await cli(['opinion', 'add', '停车难', '--topic', '停车', '--from', '1380269986']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('not a mobile number');
    expect(await json(['opinion', 'list'])).toEqual([]);
  });

  it('the audit trail and the help read in Chinese, words and placeholders', async () => {
    const { cli, json } = await district();
    await json(['opinion', 'add', '房租太贵', '--topic', 'rent', '--from', P1]);
    await json(['opinion', 'update', '1', '--status', 'referred', '--to', '区住建局', '--note', '已转']);
    await json(['opinion', 'update', '1', '--status', 'answered']);
    const ZH = { env: { LANG: 'zh_CN.UTF-8' } };
    const audit = (await cli(['audit', '--entity', '意见建议'], ZH)).stdout;
    expect(audit).toContain('房租');
    expect(audit).toContain('已转办');
    expect(
      englishWords(
        audit.replace(/^.*opinion (add|update).*$/gm, (line) => line.replace(/opinion (add|update)/, '')),
        ['tester'],
      ),
    ).toEqual([]);
    for (const verb of ['add', 'update', 'list']) {
      const help = (await cli(['opinion', verb, '--help'], ZH)).stdout;
      expect(help, verb).not.toMatch(/<(topic|phone-or-place|unit|text)>/);
    }
  });

  it('an unknown opinion is not found (exit 3); the Chinese refusal names the states in Chinese', async () => {
    const { cli, json } = await district();
    expect((await cli(['opinion', 'update', '9', '--status', 'answered'])).code).toBe(3);
    await json(['opinion', 'add', '房租太贵', '--topic', 'rent']);
    await json(['opinion', 'update', '1', '--status', 'resolved']);
    const zh = await cli(['opinion', 'update', '1', '--status', 'answered'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('“已解决”，不能改为“已答复”');
  });
});

describe('the opinions strand in the reports and the worker record', () => {
  it('the weekly report counts heard, answered, resolved and open, per week and per community', async () => {
    const { json } = await district();
    // Week 47 (11-16 … 11-22): two heard, one answered; week 48: one resolved straight from open.
    await json(['opinion', 'add', '房租太贵', '--topic', 'rent', '--from', P1, '--date', '2026-11-16']);
    await json(['opinion', 'add', '缺充电桩', '--topic', 'charging', '--community', '东关社区', '--date', '2026-11-17']);
    await json(['opinion', 'update', '1', '--status', 'answered', '--date', '2026-11-18']);
    await json(['opinion', 'update', '2', '--status', 'resolved', '--date', '2026-11-24']);
    const w47 = await json(['report', 'weekly', '--week', '2026-W47']);
    expect(w47.opinions).toEqual({ heard: 2, answered: 1, resolved: 0, open: 2 });
    const w48 = await json(['report', 'weekly', '--week', '2026-W48']);
    expect(w48.opinions).toEqual({ heard: 0, answered: 1, resolved: 1, open: 1 });
    expect(w48.change.opinions).toEqual({ heard: -2, answered: 0, resolved: 1, open: -1 });
    const community = await json(['report', 'weekly', '--week', '2026-W47', '--community', '夹马营社区']);
    expect(community.opinions).toEqual({ heard: 1, answered: 1, resolved: 0, open: 1 });
    // The programme dashboard keeps its ten actions.
    expect((await json(['report', 'programme', '--week', '2026-W47'])).actions).toHaveLength(10);
  });

  it('the weekly Markdown shows the section in Chinese', async () => {
    const { cli, json } = await district();
    await json(['opinion', 'add', '房租太贵', '--topic', 'rent', '--date', '2026-11-24']);
    const md = (await cli(['report', 'weekly', '--week', '2026-W48', '--format', 'md'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout;
    expect(md).toMatch(/意见建议 · 收集条数 \| 1 \| 0 \| \+1/);
  });

  it("worker show carries the worker's own opinions, masked, in both forms", async () => {
    const { cli, json } = await district();
    await json(['opinion', 'add', `我的电话是${P1}，希望回电`, '--topic', 'other', '--from', P1, '--date', '2026-11-20']);
    await json(['opinion', 'add', '别人的意见', '--topic', 'other', '--from', '某站点']);
    const record = await json(['worker', 'show', P1]);
    expect(record.opinions).toHaveLength(1);
    expect(record.opinions[0]).toMatchObject({ topic: 'other', status: 'open', heardOn: '2026-11-20' });
    expect(JSON.stringify(record)).not.toContain(P1);
    const table = (await cli(['worker', 'show', P1], { env: { LANG: 'zh_CN.UTF-8' } })).stdout;
    expect(table).toContain('\n意见建议\n');
    expect(table).toContain('希望回电');
    // Its columns, from the strand's declaration: number, day, topic and state by their labels, the text.
    const section = table.slice(table.indexOf('\n意见建议\n')).split('\n');
    expect(section[2]!.split('\t')).toEqual(['编号', '日期', '类别', '状态', '意见建议']);
    expect(section[3]!.split('\t')).toEqual(['1', '2026-11-20', '其他', '待办理', '我的电话是138****8000,希望回电']);
    expect(table).not.toContain(P1);
  });

  it("a purge masks the worker's numbers typed into their opinions, and the opinions stay counted", async () => {
    const { json, db } = await district();
    await json(['opinion', 'add', `回电${P1}`, '--topic', 'other', '--from', P1, '--note', `备用${P1}`, '--date', '2026-11-24']);
    await json(['worker', 'purge', P1, '--reason', '本人申请']);
    const [stored] = await rawRows(db, 'select text, note from opinions');
    expect(stored).toEqual({ text: '回电138****8000', note: '备用138****8000' });
    expect((await json(['report', 'weekly', '--week', '2026-W48'])).opinions.heard).toBe(1);
  });

  it('every change is audited', async () => {
    const { json } = await district();
    await json(['opinion', 'add', '房租太贵', '--topic', 'rent']);
    await json(['opinion', 'update', '1', '--status', 'referred', '--to', '区住建局']);
    const audit = await json(['audit', '--entity', 'opinion']);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'referred']);
  });
});

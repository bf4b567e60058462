// The HTML reports go upward as they are: each is opened in a real browser (Debian's chromium, with
// fonts-noto-cjk), checked from its own DOM for text that overflows a cell or chart and for chart
// labels that overlap, and printed to an A4 PDF. Where Chromium is absent the tests say so in their name.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { newDatabase } from '../helpers/pg.js';
import { tempDir } from '../helpers/cli.js';
import { spawnCli } from '../helpers/spawn.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) => existsSync(path));
const DEMO = fileURLToPath(new URL('../../scripts/demo.mjs', import.meta.url));
const title = CHROMIUM ? 'HTML reports in Chromium' : 'HTML reports in Chromium — SKIPPED: no Chromium here (apt install chromium fonts-noto-cjk)';

// Runs in the page once it has laid out: what a reader would see cut off or drawn over.
const LAYOUT_CHECK = `<script>
addEventListener('load', () => document.fonts.ready.then(() => {
  const problems = [];
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  for (const cell of document.querySelectorAll('td, th')) {
    if (cell.scrollWidth > cell.clientWidth + 1) problems.push('cell overflows: ' + cell.textContent);
  }
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
    for (const { text, r } of texts) {
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) problems.push('outside its chart: ' + text);
    }
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => { if (overlap(a.r, b.r)) problems.push('overlap: ' + a.text + ' / ' + b.text); }));
  }
  if (document.body.scrollWidth > document.documentElement.clientWidth + 1) problems.push('page wider than the window');
  const out = document.createElement('pre');
  out.id = 'layout-check';
  out.textContent = JSON.stringify({ problems, charts: document.querySelectorAll('svg').length, cells: document.querySelectorAll('td').length });
  document.body.append(out);
}));
</script>`;

function chromium(args: string[]): string {
  const r = spawnSync(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--virtual-time-budget=5000', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`chromium failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

describe.skipIf(!CHROMIUM)(title, () => {
  let dir = '';
  let db = '';
  let period: string[] = [];
  beforeAll(async () => {
    dir = join(tempDir(), 'demo');
    db = await newDatabase(dir, 'nuanxin-demo.db');
    const demo = spawnSync(process.execPath, [DEMO], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'zh_CN.UTF-8', NUANXIN_DEMO_DIR: dir, NUANXIN_DEMO_DB: db },
      encoding: 'utf8',
    });
    if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
    // The largest figures the rules allow (a billion points, ten digits) must still fit their charts.
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    period = ['--from', day(9), '--to', day(3)];
    const [worker] = JSON.parse((await spawnCli(['--db', db, 'worker', 'list', '--limit', '1', '--reveal', '--reason', 'test', '--json'])).stdout) as { phone: string }[];
    expect((await spawnCli(['--db', db, 'points', 'rule', 'add', 'huge', '--name', '大额测试', '--points', '1000000000'])).code).toBe(0);
    expect((await spawnCli(['--db', db, 'points', 'award', worker!.phone, '--rule', 'huge', '--date', day(4)])).code).toBe(0);
  }, 120_000);

  it.each([
    ['weekly', 'zh'],
    ['programme', 'zh'],
    ['weekly', 'en'],
    ['programme', 'en'],
  ])(
    'report %s (%s): nothing overflows or overlaps at A4 width, and it prints to an A4 PDF',
    async (report, lang) => {
      const html = join(dir, `${report}-${lang}.html`);
      const made = await spawnCli(['--db', db, '--lang', lang, 'report', report, ...period, '--format', 'html', '--out', html]);
      expect(made.code).toBe(0);
      const page = readFileSync(html, 'utf8');
      expect(page).toContain('"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei", sans-serif');

      const checked = join(dir, `${report}-${lang}-checked.html`);
      writeFileSync(checked, page.replace('</body>', `${LAYOUT_CHECK}</body>`));
      // 794 px is A4's width at 96 dpi: the width the page is laid out for.
      const dom = chromium(['--window-size=794,1123', '--dump-dom', `file://${checked}`]);
      const found = /<pre id="layout-check">(.*?)<\/pre>/s.exec(dom);
      expect(found, 'the layout check ran in the page').not.toBeNull();
      const result = JSON.parse(
        found![1]!
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>'),
      ) as { problems: string[]; charts: number; cells: number };
      expect(result.problems).toEqual([]);
      expect(result.charts).toBeGreaterThan(report === 'programme' ? 5 : 2);
      expect(result.cells).toBeGreaterThan(20);

      const pdf = join(dir, `${report}-${lang}.pdf`);
      chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`]);
      const bytes = readFileSync(pdf).toString('latin1');
      expect(bytes.startsWith('%PDF-')).toBe(true);
      // Every page is A4: 595 × 842 points (Chromium writes 594.96 × 841.92).
      const boxes = [...bytes.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
      expect(boxes.length).toBeGreaterThan(0);
      expect(boxes.every(([w, h]) => w === 595 && h === 842)).toBe(true);
    },
    90_000,
  );
});

// `npm run screenshot`: the demo's weekly report (Chinese), as the README shows it, rendered by
// headless Chromium (Debian: apt install chromium fonts-noto-cjk) into docs/weekly-report.png.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!chromium) {
  process.stderr.write('no Chromium found: apt install chromium fonts-noto-cjk\n');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'nuanxin-screenshot-'));
try {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, LANG: 'zh_CN.UTF-8', NUANXIN_DEMO_DIR: dir };
  execFileSync(process.execPath, [join(root, 'scripts/demo.mjs')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const html = join(dir, 'weekly.html');
  const cli = join(root, 'bin/nuanxin.cjs');
  execFileSync(process.execPath, [cli, '--db', join(dir, 'nuanxin-demo.db'), 'config', 'set', 'district.name', '老城区'], { env, stdio: 'ignore' });
  execFileSync(process.execPath, [cli, '--db', join(dir, 'nuanxin-demo.db'), 'report', 'weekly', '--format', 'html', '--out', html], { env, stdio: 'ignore' });
  const out = join(root, 'docs/weekly-report.png');
  const shot = spawnSync(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--virtual-time-budget=5000', '--window-size=794,1500', `--screenshot=${out}`, `file://${html}`],
    { encoding: 'utf8' },
  );
  if (shot.status !== 0) throw new Error(shot.stderr);
  process.stdout.write(`${out}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

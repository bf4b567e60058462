// `npm run demo`: a fresh demo database loaded from fixtures/, then the main job on it.
// Uses the built CLI in-process, exactly the commands a clerk would type.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeIo, run } from '../dist/nuanxin.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, '.demo');
const db = join(dir, 'nuanxin-demo.db');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const io = nodeIo();
const quiet = { ...io, stdout: { write: () => true } };
const env = { ...process.env, NUANXIN_OPERATOR: process.env.NUANXIN_OPERATOR ?? 'demo' };

async function step(argv, { show = false } = {}) {
  const code = await run(['--db', db, ...argv], { io: { ...(show ? io : quiet), env } });
  if (code !== 0) {
    process.stderr.write(`demo step failed (exit ${code}): nuanxin ${argv.join(' ')}\n`);
    process.exit(code);
  }
}

function banner(title) {
  process.stdout.write(`\n== ${title} ==\n`);
}

process.stderr.write(`demo database: ${db}\n`);
await step(['init']);
const communities = readFileSync(join(root, 'fixtures/communities.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
for (const line of communities) {
  const [subdistrict, community] = line.split(',');
  await step(['community', 'add', community, '--subdistrict', subdistrict]);
}
await step(['station', 'import', join(root, 'fixtures/stations.gb18030.csv'), '--source', '区驿站台账']);
// Rosters as platforms send them: GB18030 with a few bad rows, UTF-8 with BOM, Excel "Unicode text".
banner('Roster imports · 花名册导入');
await step(['worker', 'import', join(root, 'fixtures/roster-meituan.gb18030.csv'), '--source', '美团', '--rejects', join(dir, 'rejected-meituan.csv')], { show: true });
await step(['worker', 'import', join(root, 'fixtures/roster-sf.utf8bom.csv'), '--source', '顺丰'], { show: true });
await step(['worker', 'import', join(root, 'fixtures/roster-drivers.utf16le.txt'), '--source', '交通运输局'], { show: true });

banner('Station audit · 驿站达标核查');
await step(['station', 'audit'], { show: true });
banner('Programme summary · 社区概况');
await step(['community', 'list'], { show: true });
process.stdout.write(`\nTry it yourself:  npx nuanxin --db ${db} station list\n`);

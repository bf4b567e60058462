import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrateToLatest } from '../../src/db/migrator.js';
import { openDatabase } from '../../src/db/open.js';
import { makeClock } from '../../src/domain/clock.js';
import type { Ctx } from '../../src/domain/context.js';
import { tempDir } from './cli.js';
import { freshPgDatabase, onPostgres } from './pg.js';

// Migrated once per file and copied for each test (StrykerJS reruns the covering tests for every mutant).
let template: string | undefined;

async function migratedTemplate(): Promise<string> {
  if (template && existsSync(template)) return template;
  const path = join(tempDir(), 'template.db');
  const opened = await openDatabase({ path, create: true });
  await migrateToLatest(opened.db, path);
  await opened.close();
  if (existsSync(`${path}-wal`)) throw new Error('the migrations left a write-ahead log behind');
  template = path;
  return path;
}

/** A real database built by the real migrations (SQLite, or PostgreSQL in its run), with a domain context on it. */
export async function freshCtx(options: { today?: string; now?: string } = {}) {
  let path: string;
  if (onPostgres) path = await freshPgDatabase();
  else {
    path = join(tempDir(), 'domain.db');
    copyFileSync(await migratedTemplate(), path);
  }
  const opened = await openDatabase({ path, create: true });
  const clock = makeClock({ TZ: 'Asia/Shanghai', NUANXIN_TODAY: options.today, NUANXIN_NOW: options.now });
  const ctx: Ctx = { db: opened.db, actor: { operator: 'tester', command: 'test' }, clock };
  return { ctx, opened, path, close: () => opened.close() };
}

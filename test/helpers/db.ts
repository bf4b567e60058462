import { join } from 'node:path';
import { migrateToLatest } from '../../src/db/migrator.js';
import { openDatabase } from '../../src/db/open.js';
import { makeClock } from '../../src/domain/clock.js';
import type { Ctx } from '../../src/domain/context.js';
import { tempDir } from './cli.js';
import { freshPgDatabase, onPostgres } from './pg.js';

/** A real database built by the real migrations (SQLite, or PostgreSQL in its run), with a domain context on it. */
export async function freshCtx(options: { today?: string; now?: string } = {}) {
  const path = onPostgres ? await freshPgDatabase() : join(tempDir(), 'domain.db');
  const opened = await openDatabase({ path, create: true });
  if (!onPostgres) await migrateToLatest(opened.db, path);
  const clock = makeClock({ TZ: 'Asia/Shanghai', NUANXIN_TODAY: options.today, NUANXIN_NOW: options.now });
  const ctx: Ctx = { db: opened.db, actor: { operator: 'tester', command: 'test' }, clock };
  return { ctx, opened, path, close: () => opened.close() };
}

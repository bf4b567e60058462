import Database from 'better-sqlite3';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import pg from 'pg';
import { onPostgres } from './pg.js';

/**
 * Forces a race instead of hoping for one: a third connection holds off every write (SQLite: the
 * write lock; PostgreSQL: a lock on the tables the racers write) until `count` racing processes are
 * seen waiting for it (SQLite: sleeping in the busy handler; PostgreSQL: a lock not granted);
 * `release()` then lets them all go at once. A read-then-write that is not protected is caught every
 * run, not one run in five.
 */
export async function holdWrites(db: string, tables: string[]): Promise<{ waitFor(count: number): Promise<void>; release(): Promise<void> }> {
  if (onPostgres) {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    await client.query('begin');
    await client.query(`lock table ${tables.join(', ')} in share row exclusive mode`);
    return {
      async waitFor(count) {
        // Another connection: inside the holder's transaction pg_stat_activity is one unchanging snapshot.
        const watcher = new pg.Client({ connectionString: db });
        await watcher.connect();
        await until(async () => {
          const { rows } = await watcher.query<{ n: number }>(
            "select count(distinct a.pid)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid where not l.granted and a.application_name = 'nuanxin' and a.datname = current_database()",
          );
          return rows[0]!.n >= count;
        }).finally(() => watcher.end());
      },
      async release() {
        await client.query('rollback');
        await client.end();
      },
    };
  }
  const sqlite = new Database(db);
  sqlite.exec('begin immediate');
  return {
    async waitFor(count) {
      await until(async () => waitingOn(db) >= count);
    },
    async release() {
      sqlite.exec('rollback');
      sqlite.close();
    },
  };
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the racing processes never reached the held lock');
}

// nanosleep and clock_nanosleep on x86-64 and on arm64, for a kernel that does not name the wait in wchan.
const SLEEP_SYSCALLS = new Set(['35', '230', '101', '115']);

/**
 * Other processes with the SQLite file open that are waiting for its write lock (seen in /proc):
 * SQLite's busy handler sleeps between tries, so such a process's main thread is in nanosleep, where
 * an idle Node process waits in epoll and a working one runs.
 */
function waitingOn(path: string): number {
  let waiting = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
    try {
      if (!readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === path)) continue;
      const wchan = readFileSync(`/proc/${pid}/wchan`, 'utf8');
      const syscall = readFileSync(`/proc/${pid}/syscall`, 'utf8').split(' ')[0]!;
      if (wchan.includes('nanosleep') || SLEEP_SYSCALLS.has(syscall)) waiting += 1;
    } catch {
      // Gone, or not ours to look at.
    }
  }
  return waiting;
}

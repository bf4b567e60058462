import type { Io } from './io.js';

/** A progress line on stderr, only when stderr is a terminal (never on stdout). */
export function progressBar(io: Io, total: number, label: string): { update(done: number): void; done(): void } {
  if (!io.stderr.isTTY || total < 1_000_000) return { update() {}, done() {} };
  let last = -1;
  return {
    update(done) {
      const percent = Math.min(100, Math.floor((done / total) * 100));
      if (percent === last) return;
      last = percent;
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      io.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}%`);
    },
    done() {
      if (last >= 0) io.stderr.write('\n');
    },
  };
}

import type { Reporter, TestModule } from 'vitest/node';

type Count = { passed: number; failed: number; skipped: number };

const line = (label: string, c: Count) => `${label}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}\n`;

/**
 * A closing line per project ("help: …", "behaviour: …"), then the one CI
 * reads last: "Tests: N passed, N failed" (plus skipped).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const byProject = new Map<string, Count>();
    const total: Count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      const name = module.project.name || 'tests';
      const count = byProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      byProject.set(name, count);
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        const key = state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped';
        if (key === 'failed') failedTests += 1;
        count[key] += 1;
        total[key] += 1;
      }
      // A file that fails on its own (an import, a beforeAll) counts once, even when its tests show as skipped.
      if (module.state() === 'failed' && failedTests === 0) {
        count.failed += 1;
        total.failed += 1;
      }
    }
    total.failed += unhandledErrors.length;
    let out = '\n';
    for (const [name, count] of [...byProject].sort(([a], [b]) => a.localeCompare(b))) out += line(name, count);
    if (!process.env.NUANXIN_TEST_PG) out += 'behaviour (postgres): skipped; set NUANXIN_TEST_PG=postgres://USER:PASSWORD@HOST/postgres to run the suite on PostgreSQL too\n';
    process.stdout.write(`${out}${line('Tests', total)}`);
  }
}

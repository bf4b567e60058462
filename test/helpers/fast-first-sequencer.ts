import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The mutation suite's file order: files that failed last time first, then the quickest. StrykerJS
 * stops a mutant's run at its first failing test, so a mutant killed by a quick file need not wait for
 * the slow ones vitest's own order (longest first, good for parallel runs) puts ahead of it.
 */
export class FastFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const last = (spec: TestSpecification) => cache.getFileTestResults(`${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`);
    return [...files].sort((a, b) => {
      const [resultA, resultB] = [last(a), last(b)];
      const failedA = resultA?.failed ? 0 : 1;
      const failedB = resultB?.failed ? 0 : 1;
      if (failedA !== failedB) return failedA - failedB;
      return (resultA?.duration ?? 0) - (resultB?.duration ?? 0);
    });
  }
}

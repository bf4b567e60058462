import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { styleFor } from '../../cli/style.js';
import { checkDatabase } from '../../domain/admin/check.js';
import { translator, withTermLabels } from '../../cli/messages/index.js';
import { ConflictError, NuanxinError } from '../../errors.js';

export type DbCheckOptions = { json?: boolean };

export function registerDbCheck(parent: Command, deps: Deps): void {
  const cmd = describe(parent.command('check'), deps.t, 'db.check').option('--json', deps.t('opt.json'));
  action(cmd, deps, runDbCheck);
}

export async function runDbCheck(env: CommandEnv, opts: DbCheckOptions, _args: string[]): Promise<number | void> {
  const report = await env
    .withDb(async (ctx, handle) => checkDatabase(handle.engineChecks(), ctx.db), { anyDistrict: true })
    .catch((error: unknown) => {
      // Damaged past opening: that is the check's finding (exit 4), not a reason to stop (exit 6).
      if (error instanceof NuanxinError && error.key === 'db.corrupt') {
        return { ok: false, checks: [{ name: 'integrity_check', ok: false, problems: [{ key: 'dbcheck.detail.raw', params: { text: String(error.params.reason) } }] }] };
      }
      throw error;
    });
  // JSON keeps each finding as one English line (a stable contract for scripts); people read their language.
  const english = translator();
  if (opts.json) writeJson(env.io, { ...report, checks: report.checks.map((c) => ({ name: c.name, ok: c.ok, problems: c.problems.map((p) => english(p.key, p.params)) })) });
  else {
    const style = await styleFor(env.io.stdout, env.io.env, env.color ? undefined : false);
    for (const check of report.checks) {
      env.io.stdout.write(`${check.ok ? style.ok(env.t('dbcheck.ok')) : style.error(env.t('dbcheck.fail'))}  ${env.t(`dbcheck.${check.name}`)}\n`);
      for (const problem of check.problems.slice(0, 20))
        env.io.stdout.write(`      ${env.t(problem.key, withTermLabels(env.t, problem.params, 'terms' in problem ? problem.terms : undefined))}\n`);
    }
  }
  // Failed checks are a refusal (exit 4), reported by the one error mapping after the findings.
  if (!report.ok) throw new ConflictError({ key: 'check.failed', params: { count: report.checks.reduce((n, c) => n + c.problems.length, 0) } });
}

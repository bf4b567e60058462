import type { CommandEnv } from '../../../cli/command.js';
import { writeJson } from '../../../cli/render.js';
import type { Rule } from '../../../domain/points/catalogue.js';

/** A write's confirmation (`key` says which): one line, or the rule with --json. */
export function printRule(env: CommandEnv, json: boolean | undefined, rule: Rule, key: string): void {
  if (json) writeJson(env.io, rule);
  else env.done(`${env.t(key, { code: rule.code, name: rule.name, points: rule.points })}\n`);
}

// `nuanxin points rule …`: the group command and its verbs.
import type { Command } from 'commander';
import { describe, type Deps } from '../../../cli/command.js';
import { registerPointsRuleAdd } from './add.js';
import { registerPointsRuleList } from './list.js';
import { registerPointsRuleRetire } from './retire.js';
import { registerPointsRuleUpdate } from './update.js';

export const verbs = [registerPointsRuleAdd, registerPointsRuleList, registerPointsRuleUpdate, registerPointsRuleRetire];

export function registerPointsRule(parent: Command, deps: Deps): void {
  const group = describe(parent.command('rule'), deps.t, 'points.rule');
  for (const register of verbs) register(group, deps);
}

// `nuanxin childcare site …`: the group command and its verbs.
import type { Command } from 'commander';
import { describe, type Deps } from '../../../cli/command.js';
import { registerChildcareSiteAdd } from './add.js';

export const verbs = [registerChildcareSiteAdd];

export function registerChildcareSite(parent: Command, deps: Deps): void {
  const group = describe(parent.command('site'), deps.t, 'childcare.site');
  for (const register of verbs) register(group, deps);
}

// `nuanxin childcare volunteer …`: the group command and its verbs.
import type { Command } from 'commander';
import { describe, type Deps } from '../../../cli/command.js';
import { registerChildcareVolunteerAdd } from './add.js';

export const verbs = [registerChildcareVolunteerAdd];

export function registerChildcareVolunteer(parent: Command, deps: Deps): void {
  const group = describe(parent.command('volunteer'), deps.t, 'childcare.volunteer');
  for (const register of verbs) register(group, deps);
}

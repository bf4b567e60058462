import type { Command } from 'commander';
import type { Deps } from '../../cli/command.js';
export function registerStationImport(_parent: Command, _deps: Deps): void {}

import type { CommandEnv } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import type { Gift } from '../../domain/points/catalogue.js';

/** A write's confirmation (`key` says which): one line, or the gift with --json. */
export function printGift(env: CommandEnv, json: boolean | undefined, gift: Gift, key: string): void {
  if (json) writeJson(env.io, gift);
  else env.done(`${env.t(key, { code: gift.code, name: gift.name, stock: gift.stock, cost: gift.cost })}\n`);
}

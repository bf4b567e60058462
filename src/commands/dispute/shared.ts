import type { CommandEnv } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { writeJson } from '../../cli/render.js';
import type { DisputeCase } from '../../domain/programme/cases.js';
import { maskPhone } from '../../domain/privacy.js';
import { formatYuan } from '../../domain/text/money.js';

/** A case as shown: the worker's phone masked, money in yuan. */
export const disputeView = (d: DisputeCase) => ({ ...d, phone: maskPhone(d.phone), amount: formatYuan(d.amountFen), recovered: formatYuan(d.recoveredFen) });

/** A write's confirmation: one line, or the case with --json. */
export function printDispute(env: CommandEnv, json: boolean | undefined, d: DisputeCase): void {
  if (json) writeJson(env.io, disputeView(d));
  else env.done(`${env.t('dispute.line', { id: d.id, worker: d.worker ?? env.t('dispute.anonymous'), status: termLabel(env.t, 'dispute_status', d.status) })}\n`);
}

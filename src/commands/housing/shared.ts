import type { CommandEnv } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { writeJson } from '../../cli/render.js';
import type { HousingCase } from '../../domain/programme/cases.js';
import { maskPhone } from '../../domain/privacy.js';

/** A case as shown: the worker's phone masked. */
export const housingView = (h: HousingCase) => ({ ...h, phone: maskPhone(h.phone) });

/** A write's confirmation: one line, or the case with --json. */
export function printHousing(env: CommandEnv, json: boolean | undefined, h: HousingCase): void {
  if (json) writeJson(env.io, housingView(h));
  else env.done(`${env.t('housing.line', { id: h.id, worker: h.worker, status: termLabel(env.t, 'housing_status', h.status) })}\n`);
}

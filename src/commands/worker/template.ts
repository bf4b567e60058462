import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { saveWorkbook } from '../../cli/workbook-out.js';
import { listCommunities } from '../../domain/geo/communities.js';
import { VOCABULARY } from '../../domain/vocabulary.js';
import { ROSTER_HEADERS } from '../../domain/workers/roster-parse.js';

export type WorkerTemplateOptions = { out?: string };

export function registerWorkerTemplate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('template'), t, 'worker.template').option('--out <file>', t('opt.template_out'));
  action(cmd, deps, runWorkerTemplate);
}

/** The template's columns, in the order a roster usually has them; required ones marked with *. */
const COLUMNS = ['name', 'phone', 'id_number', 'gender', 'occupation', 'platform', 'site', 'community', 'subdistrict', 'joined_on', 'note'] as const;
const REQUIRED = new Set(['name', 'phone', 'occupation']);
/** Rows that offer the drop-down lists. */
const ROWS_WITH_LISTS = 2_000;

/**
 * An empty roster a platform or depot fills in: the headers `worker import`
 * accepts (in Chinese, as the forms in circulation have them), drop-downs
 * for occupation, gender, community and 街道 from this register, and a
 * title block above the header that the import skips.
 */
export async function runWorkerTemplate(env: CommandEnv, opts: WorkerTemplateOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const communities = await env.withDb((ctx) => listCommunities(ctx.db));
  const subdistricts = [...new Set(communities.map((c) => c.subdistrict).filter((s): s is string => Boolean(s)))];
  const at = (field: (typeof COLUMNS)[number]) => COLUMNS.indexOf(field);
  const lists = [
    { column: at('gender'), values: VOCABULARY.gender.map((g) => g.zh[0]!) },
    { column: at('occupation'), values: VOCABULARY.occupation.map((o) => o.zh[0]!) },
    { column: at('community'), values: communities.map((c) => c.name) },
    { column: at('subdistrict'), values: subdistricts },
  ].filter((l) => l.values.length > 0);
  await saveWorkbook(env, opts.out, [
    {
      name: t('worker.template_sheet'),
      title: [t('worker.template_title'), t('worker.template_line')],
      headers: COLUMNS.map((field) => `${REQUIRED.has(field) ? '*' : ''}${ROSTER_HEADERS[field][0]}`),
      rows: [],
      widths: [12, 16, 22, 8, 14, 14, 18, 16, 16, 14, 24],
      lists,
      rowsWithLists: ROWS_WITH_LISTS,
      // Typed into a General column, an 18-digit ID number loses its last three digits for good.
      textColumns: [at('phone'), at('id_number')],
    },
  ]);
}

import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { writeJson } from '../../cli/render.js';
import { FRIENDLY_MEASURES, setMeasures } from '../../domain/programme/care.js';
import { codesOf } from '../../domain/vocabulary.js';

export type CommunityMeasuresOptions = { set?: string; unset?: string; date?: string; json?: boolean };

/** `nuanxin community measures NAME --set … --unset … [--date D]`. */
export function registerCommunityMeasures(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('measures'), t, 'community.measures')
    .argument('<name>', t('arg.community'))
    .option('--set <list>', t('opt.measures_set'))
    .option('--unset <list>', t('opt.measures_unset'))
    .option('--date <date>', t('opt.measures_date'))
    .option('--json', t('opt.json'));
  cmd.addHelpText('after', `\n${FRIENDLY_MEASURES.map((m) => `  ${m.padEnd(14)}${termLabel(t, 'friendly_measure', m)}`).join('\n')}\n`);
  action(cmd, deps, runCommunityMeasures);
}

export async function runCommunityMeasures(env: CommandEnv, opts: CommunityMeasuresOptions, [name]: string[]): Promise<number | void> {
  const { t } = env;
  const result = await env.withDb((ctx) => setMeasures(ctx, name!, opts));
  if (opts.json) writeJson(env.io, result);
  else
    env.done(
      `${t(result.friendly ? 'friendly.yes' : 'friendly.no', {
        community: result.community,
        measures: result.measures.map((m) => termLabel(t, 'friendly_measure', m)).join(t('list.separator')) || '—',
        required: codesOf('friendly_measure')
          .map((m) => termLabel(t, 'friendly_measure', m))
          .join(t('list.separator')),
      })}\n`,
    );
}

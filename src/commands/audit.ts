import { termLabel } from '../cli/messages/index.js';
import { localTime } from '../domain/clock.js';
import { actionText, describeChanges, fieldLabels } from '../cli/history.js';
import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps, termOption } from '../cli/command.js';
import { renderRows } from '../cli/render.js';
import { listAccess, listAudit } from '../domain/audit.js';
import { startOfDay } from '../domain/clock.js';
import { requireDate } from '../domain/text/dates.js';

export type AuditOptions = { since?: string; entity?: string; access?: boolean; json?: boolean; format?: string };

export function registerAudit(program: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(program.command('audit'), t, 'audit'), t)
    .option('--since <date>', t('opt.since'))
    .addOption(termOption('--entity <entity>', t('opt.entity'), 'audit_entity'))
    .option('--access', t('opt.access'));
  action(cmd, deps, runAudit);
}

export async function runAudit(env: CommandEnv, opts: AuditOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const since = opts.since ? startOfDay(requireDate(opts.since, '--since'), env.clock.timeZone).toISOString() : undefined;
  const format = formatOf(opts);
  if (opts.access) {
    const rows = await env.withDb((ctx) => listAccess(ctx.db, { since }));
    await renderRows(
      env.io,
      format,
      [
        { key: 'id', header: t('col.id'), value: (r) => r.id },
        { key: 'at', header: t('col.at'), value: (r) => r.at, shown: (r) => localTime(r.at, env.clock.timeZone) },
        { key: 'operator', header: t('col.operator'), value: (r) => r.operator },
        { key: 'worker', header: t('col.worker'), value: (r) => r.workerId },
        { key: 'fields', header: t('col.fields'), value: (r) => r.fields, shown: (r) => fieldLabels(t, String(r.fields).split(',').filter(Boolean)) },
        { key: 'reason', header: t('col.reason'), value: (r) => r.reason },
        { key: 'command', header: t('col.command'), value: (r) => r.command },
      ],
      rows,
    );
    return;
  }
  const rows = await env.withDb((ctx) => listAudit(ctx.db, { since, entity: opts.entity }));
  await renderRows(
    env.io,
    format,
    [
      { key: 'id', header: t('col.id'), value: (r) => r.id },
      { key: 'at', header: t('col.at'), value: (r) => r.at, shown: (r) => localTime(r.at, env.clock.timeZone) },
      { key: 'operator', header: t('col.operator'), value: (r) => r.operator },
      { key: 'command', header: t('col.command'), value: (r) => r.command },
      { key: 'action', header: t('col.action'), value: (r) => r.action, shown: (r) => actionText(t, r.action) },
      {
        key: 'entity',
        header: t('col.entity'),
        value: (r) => `${r.entity}:${r.entityKey}`,
        shown: (r) => `${termLabel(t, 'audit_entity', r.entity)}${t('history.colon')}${r.entityKey}`,
      },
      { key: 'detail', header: t('col.detail'), value: (r) => r.detail, shown: (r) => describeChanges(t, r.detail, r.entity) },
    ],
    rows,
  );
}

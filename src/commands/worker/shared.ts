import { termOption } from '../../cli/command.js';
import type { Command } from 'commander';
import type { CommandEnv } from '../../cli/command.js';
import type { Translate } from '../../cli/messages/index.js';
import type { Column } from '../../cli/render.js';
import type { Ctx } from '../../domain/context.js';
import { maskIdNumber, maskPhone } from '../../domain/privacy.js';
import type { Worker, WorkerFilter } from '../../domain/workers/read.js';
import type { WorkerInput } from '../../domain/workers/validate.js';
import { logReveal } from '../../domain/workers/write.js';
import { UsageError } from '../../errors.js';
import { termLabel } from '../../cli/messages/index.js';

export type WorkerFlags = {
  name?: string;
  phone?: string;
  occupation?: string;
  platform?: string;
  community?: string;
  subdistrict?: string;
  site?: string;
  idNumber?: string;
  gender?: string;
  joined?: string;
  note?: string;
};

export function workerFieldOptions(cmd: Command, t: Translate, withPhone = true): Command {
  if (withPhone) cmd.option('--phone <phone>', t('opt.worker_phone'));
  return cmd
    .option('--name <name>', t('opt.worker_name'))
    .option('--occupation <occupation>', t('opt.occupation'))
    .option('--platform <name>', t('opt.platform'))
    .option('--community <name>', t('opt.community'))
    .option('--subdistrict <name>', t('opt.subdistrict'))
    .option('--site <name>', t('opt.site'))
    .option('--id-number <id>', t('opt.id_number'))
    .option('--gender <gender>', t('opt.gender'))
    .option('--joined <date>', t('opt.joined'))
    .option('--note <text>', t('opt.note'));
}

export function toWorkerInput(flags: WorkerFlags): WorkerInput {
  return {
    name: flags.name,
    phone: flags.phone,
    occupation: flags.occupation,
    platform: flags.platform,
    community: flags.community,
    subdistrict: flags.subdistrict,
    site: flags.site,
    idNumber: flags.idNumber,
    gender: flags.gender,
    joinedOn: flags.joined,
    note: flags.note,
  };
}

/** The filters `worker list` and `worker export` share. */
export type FilterFlags = { community?: string; occupation?: string; platform?: string; active?: boolean; inactive?: boolean; search?: string; reveal?: boolean };

export function filterOptions(cmd: Command, t: (k: string) => string): Command {
  return cmd
    .option('--community <name>', t('opt.community'))
    .addOption(occupationOption(t))
    .option('--platform <name>', t('opt.platform'))
    .option('--active', t('opt.only_active'))
    .option('--inactive', t('opt.only_inactive'))
    .option('--search <text>', t('opt.search'));
}

export function toFilter(flags: FilterFlags): WorkerFilter {
  return {
    community: flags.community,
    occupation: flags.occupation,
    platform: flags.platform,
    active: flags.active ? true : flags.inactive ? false : undefined,
    search: flags.search,
    searchRevealed: Boolean(flags.reveal),
  };
}

export type RevealFlags = { reveal?: boolean; reason?: string };

export function revealOptions(cmd: Command, t: Translate): Command {
  return cmd.option('--reveal', t('opt.reveal')).option('--reason <text>', t('opt.reveal_reason'));
}

/** --reveal needs --reason; checked before any work is done. */
export function checkReveal(flags: RevealFlags): void {
  if (flags.reveal && !flags.reason?.trim()) throw new UsageError({ key: 'reveal.needs_reason' });
}

/** Logs the reveal (when asked for) and returns how to present each worker. */
export async function presenter(ctx: Ctx, flags: RevealFlags, workers: Worker[]): Promise<(w: Worker) => Worker> {
  if (!flags.reveal) return maskWorker;
  await logReveal(
    ctx,
    workers.map((w) => w.id),
    ['phone', 'id_number'],
    flags.reason!,
  );
  return (w) => w;
}

export function maskWorker(w: Worker): Worker {
  return { ...w, phone: maskPhone(w.phone), idNumber: maskIdNumber(w.idNumber) };
}

export function workerColumns(t: Translate): Column<Worker>[] {
  return [
    { key: 'id', header: t('col.worker_no'), value: (w) => w.id },
    // Headers `worker import` reads back (姓名, 手机号码, …): an export round-trips.
    { key: 'name', header: t('col.worker_name'), value: (w) => w.name },
    { key: 'phone', header: t('col.mobile'), value: (w) => w.phone },
    { key: 'occupation', header: t('col.occupation'), value: (w) => w.occupation, shown: (w) => termLabel(t, 'occupation', w.occupation) },
    { key: 'platform', header: t('col.platform'), value: (w) => w.platform },
    { key: 'site', header: t('col.site'), value: (w) => w.site },
    { key: 'community', header: t('col.community'), value: (w) => w.community },
    { key: 'active', header: t('col.status'), value: (w) => workerStatus(w), shown: (w) => termLabel(t, 'worker_status', workerStatus(w)) },
  ];
}

/** The full export columns (what a clerk re-opens in Excel). */
export function exportColumns(t: Translate): Column<Worker>[] {
  return [
    ...workerColumns(t),
    { key: 'idNumber', header: t('col.id_number'), value: (w) => w.idNumber },
    { key: 'gender', header: t('col.gender'), value: (w) => w.gender, shown: (w) => termLabel(t, 'gender', w.gender) },
    { key: 'subdistrict', header: t('col.subdistrict'), value: (w) => w.subdistrict },
    { key: 'joinedOn', header: t('col.joined'), value: (w) => w.joinedOn },
    { key: 'registeredOn', header: t('col.registered'), value: (w) => w.registeredOn },
    { key: 'note', header: t('col.note'), value: (w) => w.note },
  ];
}

export const occupationOption = (t: Translate) => termOption('--occupation <occupation>', t('opt.occupation'), 'occupation');

export function workerFields(env: CommandEnv, w: Worker): [string, unknown][] {
  const { t } = env;
  return [
    [t('col.id'), w.id],
    [t('col.worker_name'), w.name],
    [t('col.mobile'), w.phone],
    [t('col.id_number'), w.idNumber],
    [t('col.gender'), termLabel(t, 'gender', w.gender)],
    [t('col.occupation'), termLabel(t, 'occupation', w.occupation)],
    [t('col.platform'), w.platform],
    [t('col.site'), w.site],
    [t('col.community'), [w.community, w.subdistrict].filter(Boolean).join(' · ')],
    [t('col.joined'), w.joinedOn],
    [t('col.registered'), w.registeredOn],
    [
      t('col.status'),
      w.active || w.purged ? termLabel(t, 'worker_status', workerStatus(w)) : `${termLabel(t, 'worker_status', 'inactive')}（${w.deactivatedOn}：${w.deactivatedReason}）`,
    ],
    [t('col.note'), w.note],
  ];
}

/** `active`, `inactive` or `purged` (personal data removed at the worker's request). */
function workerStatus(w: { purged: boolean; active: boolean }): string {
  return w.purged ? 'purged' : w.active ? 'active' : 'inactive';
}

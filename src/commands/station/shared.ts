import { termOption } from '../../cli/command.js';
import type { Command } from 'commander';
import type { CommandEnv } from '../../cli/command.js';
import { type Translate, termLabel } from '../../cli/messages/index.js';
import type { Column, Format } from '../../cli/render.js';
import { renderRecord } from '../../cli/render.js';
import { parseAmenities, STANDARD_ITEMS } from '../../domain/stations/amenities.js';
import type { Station } from '../../domain/stations/read.js';
import { checkStationFields, type StationInput } from '../../domain/stations/write.js';
import { checkedBy } from '../../cli/prompter.js';
import { maskPhone } from '../../domain/privacy.js';

export type StationFlags = {
  code?: string;
  name?: string;
  community?: string;
  address?: string;
  host?: string;
  contact?: string;
  phone?: string;
  hours?: string;
  amenities?: string;
  opened?: string;
  medicineExpires?: string;
  createCommunity?: boolean;
};

/** The field flags shared by `station add` and `station update`. */
export function stationFieldOptions(cmd: Command, t: Translate): Command {
  return cmd
    .option('--name <name>', t('opt.station_name'))
    .option('--community <name>', t('opt.community'))
    .option('--address <text>', t('opt.address'))
    .option('--host <text>', t('opt.host'))
    .option('--contact <name>', t('opt.contact'))
    .option('--phone <phone>', t('opt.contact_phone'))
    .option('--hours <text>', t('opt.hours'))
    .option('--amenities <list>', t('opt.amenities'))
    .option('--opened <date>', t('opt.opened'))
    .option('--medicine-expires <date>', t('opt.medicine_expires'))
    .option('--create-community', t('opt.create_community'));
}

export function toStationInput(flags: StationFlags): StationInput {
  return {
    code: flags.code,
    name: flags.name,
    community: flags.community,
    address: flags.address,
    host: flags.host,
    contactName: flags.contact,
    contactPhone: flags.phone,
    hours: flags.hours,
    amenities: flags.amenities,
    openedOn: flags.opened,
    medicineExpiresOn: flags.medicineExpires,
  };
}

/** The station as printed: contact phone masked (personal data). */
export function stationView(s: Station) {
  return { ...s, contactPhone: maskPhone(s.contactPhone) };
}

export function stationColumns(t: Translate): Column<Station>[] {
  return [
    { key: 'code', header: t('col.code'), value: (s) => s.code },
    { key: 'name', header: t('col.name'), value: (s) => s.name },
    { key: 'community', header: t('col.community'), value: (s) => s.community },
    { key: 'status', header: t('col.status'), value: (s) => s.status, shown: (s) => termLabel(t, 'station_status', s.status) },
    { key: 'hours', header: t('col.hours'), value: (s) => s.hours },
    { key: 'amenities', header: t('col.amenities'), value: (s) => `${s.amenities.length}/${STANDARD_ITEMS.length}` },
    { key: 'contactPhone', header: t('col.phone'), value: (s) => maskPhone(s.contactPhone) },
  ];
}

export function printStation(env: CommandEnv, format: Format, station: Station, history?: unknown[]): void {
  const { t } = env;
  const view = stationView(station);
  renderRecord(env.io, format, history ? { ...view, history } : view, [
    [t('col.code'), view.code],
    [t('col.name'), view.name],
    [t('col.community'), [view.community, view.subdistrict].filter(Boolean).join(' · ')],
    [
      t('col.status'),
      view.status === 'closed' ? `${termLabel(t, 'station_status', view.status)}（${view.closedOn}：${view.closedReason}）` : termLabel(t, 'station_status', view.status),
    ],
    [t('col.address'), view.address],
    [t('col.host'), view.host],
    [t('col.contact'), [view.contactName, view.contactPhone].filter(Boolean).join(' ')],
    [t('col.hours'), view.hours],
    [t('col.opened'), view.openedOn],
    [t('col.amenities'), view.amenities.map((a) => termLabel(t, 'amenity', a)).join('、')],
    [t('col.medicine_expires'), view.medicineExpiresOn],
  ]);
}

export const STATUS_OPTION = (t: Translate) => termOption('--status <status>', t('opt.station_status'), 'station_status');

/**
 * Emergency medicine is only as good as its date: when 应急药品 is among the
 * amenities given on a terminal without `--medicine-expires`, ask it (a blank
 * answer leaves it unknown, as before). Off a terminal nothing is asked.
 */
export async function askMedicineExpiry(env: CommandEnv, amenities: string | undefined): Promise<string | undefined> {
  if (!env.interactive || !amenities) return undefined;
  let items: string[];
  try {
    items = parseAmenities(amenities);
  } catch {
    return undefined; // the write refuses the unknown item, with the list of accepted ones
  }
  if (!items.includes('medicine')) return undefined;
  const today = env.clock.today();
  const check = checkedBy(env.t, (value) => checkStationFields({ medicineExpiresOn: value }, today));
  const answer = await env.prompter.input({ message: env.t('prompt.medicine_expires'), validate: (v) => (v.trim() === '' ? true : check(v)) });
  return answer.trim() || undefined;
}

import { NuanxinError } from '../../errors.js';
import { cellOf, type HeaderAliases } from '../../import/headers.js';
import { RowRejection, type RowParser } from '../../import/parse-records.js';
import type { ImportPlan } from '../imports/run.js';
import type { Ctx } from '../context.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { insertStation, updateStationIn, type StationInput } from './write.js';

type Field = 'code' | 'name' | 'community' | 'address' | 'host' | 'contact' | 'phone' | 'hours' | 'amenities' | 'opened' | 'medicine_expires';

export const STATION_HEADERS: HeaderAliases<Field> = {
  code: ['编号', '驿站编号', '站点编号'],
  name: ['名称', '驿站名称', '站点名称'],
  community: ['社区', '所属社区', '所在社区'],
  address: ['地址', '详细地址'],
  host: ['依托单位', '承建单位', '建设单位', '类型'],
  contact: ['联系人', '负责人', 'contact_name'],
  phone: ['联系电话', '电话', '手机号', 'contact_phone'],
  hours: ['开放时间', '服务时间'],
  amenities: ['设施', '配备设施', '服务设施'],
  opened: ['启用日期', '建成日期', '开放日期', 'opened_on'],
  medicine_expires: ['药品有效期', '药品到期', 'medicine_expires_on'],
};

type Parsed = { input: StationInput; key: string };

/** A domain error inside one row becomes that row's reject reason. */
async function asRowRejection<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NuanxinError && error.kind !== 'unavailable') throw new RowRejection({ key: error.key, params: error.params, terms: error.terms });
    throw error;
  }
}

/** Reads one station row (pure; validation that needs the database happens on write). */
export const stationRowParser: RowParser<Field, Parsed> = {
  aliases: STATION_HEADERS,
  dateFields: ['opened', 'medicine_expires'],
  required: ['name', 'community'],
  parse(map, cells) {
    const get = (f: Field) => optionalText(cellOf(map, cells, f));
    const name = get('name');
    const community = get('community');
    if (!name) throw new RowRejection({ key: 'reject.required', params: { field: 'name' } });
    if (!community) throw new RowRejection({ key: 'reject.required', params: { field: 'community' } });
    const input: StationInput = {
      code: get('code'),
      name,
      community,
      address: get('address'),
      host: get('host'),
      contactName: get('contact'),
      contactPhone: get('phone'),
      hours: get('hours'),
      amenities: get('amenities'),
      openedOn: get('opened'),
      medicineExpiresOn: get('medicine_expires'),
    };
    return { input, key: input.code ?? `${community}\u0000${name}` };
  },
  keyOf: (value) => value.key,
  keyField: (value) => (value.input.code ? 'code' : 'name'),
};

/**
 * Stations from CSV. A row is matched by code, or (without a code) by name
 * within its community, so re-importing the same sheet changes nothing.
 */
export function stationImportPlan(ctx: Ctx, options: { createCommunity?: boolean; registeredHosts?: Set<string> }): ImportPlan<Parsed> {
  return {
    kind: 'stations',
    // Stryker disable next-line ArrayDeclaration,StringLiteral: locked on PostgreSQL only (SQLite's write lock is the whole file)
    tables: ['stations', 'station_amenities'],
    async apply(trx, { input }) {
      return asRowRejection(async () => {
        const existing = input.code
          ? await trx.selectFrom('stations').select('code').where('code', '=', normalizeText(input.code)).executeTakeFirst()
          : await trx
              .selectFrom('stations as s')
              .innerJoin('communities as c', 'c.id', 's.community_id')
              .select('s.code')
              .where('s.name', '=', input.name!)
              .where('c.name', '=', input.community!)
              .executeTakeFirst();
        if (!existing) {
          await insertStation(trx, ctx, input, options);
          return 'inserted';
        }
        const changes = await updateStationIn(trx, ctx, existing.code, input, options);
        return Object.keys(changes).length > 0 ? 'updated' : 'unchanged';
      });
    },
  };
}

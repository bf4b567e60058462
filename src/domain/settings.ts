import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../migrations/helpers.js';
import type { DB } from '../db/schema.js';
import { sessionKind } from '../db/session.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { recordAudit } from './audit.js';
import { inTransaction, type Ctx, type Db, type Tx } from './context.js';
import { normalizeText } from './text/normalize.js';
import { districtKey } from '../db/sql.js';

/** A setting's meaning is the message `setting.<key>`. */
type Setting = { default: string; valid(value: string): boolean };

const positiveDays: Setting['valid'] = (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 3650;

/** The district's settings, with their defaults. */
export const SETTINGS: Record<string, Setting> = {
  'wishes.claim_days': { default: '30', valid: positiveDays },
  'wishes.stale_days': { default: '60', valid: positiveDays },
  'district.name': { default: '', valid: (v) => v.length >= 1 && v.length <= 40 },
  lang: { default: 'auto', valid: (v) => ['zh', 'en', 'auto'].includes(v) },
  'points.expiry': { default: 'off', valid: (v) => ['off', 'end_of_following_year'].includes(v) },
};

function known(key: string): Setting {
  const setting = SETTINGS[key];
  if (!setting) throw new NotFoundError({ key: 'config.unknown', params: { key, known: Object.keys(SETTINGS).join(', ') } });
  return setting;
}

export async function getSetting(db: Db, key: string): Promise<string> {
  const setting = known(key);
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? setting.default;
}

export async function numberSetting(db: Db, key: string): Promise<number> {
  return Number(await getSetting(db, key));
}

export async function listSettings(db: Kysely<DB>): Promise<{ key: string; value: string; default: string; hintKey: string }[]> {
  return Promise.all(Object.entries(SETTINGS).map(async ([key, s]) => ({ key, value: await getSetting(db, key), default: s.default, hintKey: `setting.${key}` })));
}

export async function setSetting(ctx: Ctx, key: string, rawValue: string): Promise<{ key: string; value: string }> {
  const setting = known(key);
  const value = normalizeText(rawValue);
  if (!setting.valid(value)) throw new ValidationError({ key: 'config.invalid', params: { key, value }, hintKey: `setting.${key}` });
  await inTransaction(ctx, async (trx) => {
    const old = await getSetting(trx, key);
    await trx
      .insertInto('settings')
      .values({ key, value, updated_at: ctx.clock.now().toISOString() })
      .onConflict((oc) => oc.columns(districtKey(trx, ['key'])).doUpdateSet({ value, updated_at: ctx.clock.now().toISOString() }))
      .execute();
    await recordAudit(trx, ctx, { action: 'set', entity: 'setting', entityKey: key, detail: { value: [old, value] } });
    // Last: on a server `--district` names the district by its old name until this commits.
    if (key === 'district.name') await renameDistrict(trx, value);
  });
  return { key, value };
}

/**
 * The district's name is also its row in `districts` (what `district list`, `--district` and `account add
 * --scope` go by): a SQLite file's one district follows the setting; on a server only the owner renames one.
 */
async function renameDistrict(trx: Tx, name: string): Promise<void> {
  // Stryker disable next-line ConditionalExpression: on SQLite the server's branch would not run; the PostgreSQL run of npm test kills it
  if (!isPostgres(trx)) {
    await trx.updateTable('districts').set({ name }).execute();
    return;
  }
  if ((await sessionKind(trx)) !== 'owner') return;
  const taken = await trx.selectFrom('districts').select('id').where('name', '=', name).where(sql.ref('id'), '<>', sql`nuanxin_write_district()`).executeTakeFirst();
  if (taken) throw new ConflictError({ key: 'district.exists', params: { name } });
  await trx.updateTable('districts').set({ name }).where(sql.ref('id'), '=', sql`nuanxin_write_district()`).execute();
}

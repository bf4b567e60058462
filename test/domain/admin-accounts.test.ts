// Accounts in process, on both engines: the names and roles accepted, each role's scope, the refusals
// with what they name, disabling, the list, and the audit line each leaves (on a server, in whose
// district). On PostgreSQL an account is a login of the server's own: made, then refused a login.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, disableAccount, listAccounts } from '../../src/domain/admin/accounts.js';
import { nameDistrictAtInit } from '../../src/domain/admin/districts.js';
import type { Ctx } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { freshCtx } from '../helpers/db.js';
import { admin, onPostgres } from '../helpers/pg.js';
import { refusalOf } from '../helpers/refusal.js';

// Logins are the server's, shared by every run: each name carries this run's tag.
const tag = `t${process.pid.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const login = (name: string) => `${tag}_${name}`;
const made: string[] = [];
const now = '2026-11-25T02:00:00.000Z';

let ctx: Ctx;
let close: () => Promise<void>;
let path: string;

beforeAll(async () => {
  ({ ctx, close, path } = await freshCtx({ today: '2026-11-25', now }));
  await nameDistrictAtInit(ctx, '东城区');
  await addCommunity(ctx, { name: '和平里社区', subdistrict: '和平里街道' });
});

afterAll(async () => {
  await close();
  if (onPostgres) for (const name of made) await admin(`drop role if exists "${name}"`).catch(() => {});
});

async function add(input: { name: string; role: string; scope?: string; password?: string }) {
  made.push(input.name.trim());
  return addAccount(ctx, input);
}

/** The audit lines about accounts, with the district each belongs to on a server. */
async function accountLines() {
  const { rows } = await sql<{ action: string; entity_key: string; detail: string | null; district: string | null }>`
    select a.action, a.entity_key, a.detail, ${onPostgres ? sql`(select name from districts d where d.id = a.district_id)` : sql`null`} as district
    from audit_log a where a.entity = 'account' order by a.id`.execute(ctx.db);
  return rows.map((r) => ({ ...r, detail: r.detail === null ? null : JSON.parse(r.detail) }));
}

describe('names and roles', () => {
  it.each([[''], ['a b'], ['a;b'], ['pg_x'], ['PG_x'], ['nuanxin_x'], ['Nuanxin_clerk'], ['x'.repeat(41)]])('refuses the name %j', async (name) => {
    expect(await refusalOf(() => addAccount(ctx, { name, role: 'city' }))).toEqual({ key: 'account.bad_name', params: { name } });
  });

  it('refuses a role it does not know, listing the five', async () => {
    expect(await refusalOf(() => addAccount(ctx, { name: login('x'), role: 'admin' }))).toEqual({
      key: 'usage.bad_choice',
      params: { value: 'admin', flag: '--role', choices: 'city, district, subdistrict, community, viewer' },
    });
  });

  it('takes letters of any script, digits, _ . - up to forty, spaces around trimmed', async () => {
    const name = `${login('王')}.a-${'9'.repeat(40 - login('王').length - 3)}`;
    expect(name).toHaveLength(40);
    expect(await add({ name: ` ${name} `, role: 'city' })).toEqual({
      name,
      role: 'city',
      district: null,
      subdistrict: null,
      community: null,
      createdAt: now,
      disabledAt: null,
    });
  });
});

describe('scopes', () => {
  it('a city account names no scope; the others must', async () => {
    expect(await refusalOf(() => addAccount(ctx, { name: login('c2'), role: 'city', scope: '东城区' }))).toEqual({ key: 'account.city_scope', params: {} });
    for (const role of ['district', 'subdistrict', 'community', 'viewer']) {
      expect(await refusalOf(() => addAccount(ctx, { name: login('s'), role, scope: ' ' }))).toEqual({ key: 'account.scope_needed', params: { role } });
    }
  });

  it('an office or a viewer is the district’s; a 街道 clerk the 街道’s; a community clerk the community’s', async () => {
    expect(await add({ name: login('dc'), role: 'district', scope: ' 东城区 ' })).toMatchObject({ district: '东城区', subdistrict: null, community: null });
    expect(await add({ name: login('v'), role: 'viewer', scope: '东城区' })).toMatchObject({ role: 'viewer', district: '东城区', subdistrict: null, community: null });
    expect(await add({ name: login('hpj'), role: 'subdistrict', scope: '和平里街道' })).toMatchObject({ district: '东城区', subdistrict: '和平里街道', community: null });
    expect(await add({ name: login('hp'), role: 'community', scope: '和平里社区' })).toMatchObject({ district: '东城区', subdistrict: null, community: '和平里社区' });
  });

  it('refuses a scope that is not there, naming it', async () => {
    expect(await refusalOf(() => addAccount(ctx, { name: login('x'), role: 'district', scope: '西城区' }))).toMatchObject({ params: { name: '西城区' } });
    expect(((await refusalOf(() => addAccount(ctx, { name: login('x'), role: 'district', scope: '西城区' }))) as { key: string }).key).toMatch(/^district\.not_found/);
    expect(await refusalOf(() => addAccount(ctx, { name: login('x'), role: 'subdistrict', scope: '安定门街道' }))).toEqual({
      key: 'account.no_subdistrict',
      params: { name: '安定门街道', suggestions: '' },
    });
    expect(await refusalOf(() => addAccount(ctx, { name: login('x'), role: 'community', scope: '安定门社区' }))).toEqual({
      key: 'community.not_found',
      params: { name: '安定门社区', suggestions: '' },
    });
    // A 街道's name is not a community's, nor the other way round.
    expect(await refusalOf(() => addAccount(ctx, { name: login('x'), role: 'community', scope: '和平里街道' }))).toMatchObject({ key: 'community.not_found' });
    expect(await refusalOf(() => addAccount(ctx, { name: login('x'), role: 'subdistrict', scope: '和平里社区' }))).toMatchObject({ key: 'account.no_subdistrict' });
  });

  it('refuses a name taken, and leaves nothing of a refused one', async () => {
    expect(await refusalOf(() => addAccount(ctx, { name: login('dc'), role: 'viewer', scope: '东城区' }))).toEqual({ key: 'account.exists', params: { name: login('dc') } });
    expect((await listAccounts(ctx.db)).map((a) => a.name)).not.toContain(login('x'));
  });
});

describe.skipIf(onPostgres)('[SQLite] a record of who works where', () => {
  it('keeps no password: a file has no logins', async () => {
    expect(await refusalOf(() => addAccount(ctx, { name: login('p'), role: 'city', password: 'secret-secret' }))).toEqual({ key: 'account.no_logins', params: {} });
  });

  it('takes a name the server keeps for itself: the file has no server', async () => {
    expect(await add({ name: 'postgres', role: 'city' })).toMatchObject({ name: 'postgres' });
  });
});

describe.skipIf(!onPostgres)('[PostgreSQL] a login of its own', () => {
  it('makes a login role in its role’s group that signs in with its password, and only with it', async () => {
    await add({ name: login('pw'), role: 'community', scope: '和平里社区', password: 'hepingli-pass-1' });
    const { rows } = await sql<{ login: boolean; group: boolean }>`
      select rolcanlogin as login, pg_has_role(rolname, 'nuanxin_community', 'member') as group from pg_roles where rolname = ${login('pw')}`.execute(ctx.db);
    expect(rows).toEqual([{ login: true, group: true }]);
    const signIn = async (password: string) => {
      const url = new URL(path);
      url.username = login('pw');
      url.password = password;
      const client = new pg.Client({ connectionString: url.toString() });
      try {
        await client.connect();
        return (await client.query<{ who: string }>('select session_user as who')).rows[0]!.who;
      } catch (error) {
        return (error as { code?: string }).code;
      } finally {
        await client.end().catch(() => {});
      }
    };
    expect(await signIn('hepingli-pass-1')).toBe(login('pw'));
    expect(await signIn('hepingli-pass-2')).toBe('28P01'); // invalid_password
  });

  it('refuses a name the server already has as a role', async () => {
    expect(await refusalOf(() => addAccount(ctx, { name: 'postgres', role: 'city' }))).toEqual({ key: 'account.exists', params: { name: 'postgres' } });
  });
});

describe('disabling', () => {
  it('stops an account once, keeping its record; an unknown one is not found', async () => {
    const at = (await disableAccount(ctx, ` ${login('v')} `)).disabledAt;
    expect(at).toBe(now);
    expect(await refusalOf(() => disableAccount(ctx, login('v')))).toEqual({ key: 'account.already_disabled', params: { name: login('v'), at: now } });
    expect(await refusalOf(() => disableAccount(ctx, login('nobody')))).toEqual({ key: 'account.not_found', params: { name: login('nobody') } });
    expect((await listAccounts(ctx.db)).find((a) => a.name === login('v'))).toMatchObject({ disabledAt: now, district: '东城区' });
    if (onPostgres) {
      const { rows } = await sql<{ login: boolean }>`select rolcanlogin as login from pg_roles where rolname = ${login('v')}`.execute(ctx.db);
      expect(rows).toEqual([{ login: false }]);
    }
  });
});

describe('the list and the trail', () => {
  it('lists every account in the order made, with its scope', async () => {
    const listed = (await listAccounts(ctx.db)).filter((a) => a.name.startsWith(tag));
    expect(listed.map((a) => [a.role, a.district, a.subdistrict, a.community, a.disabledAt !== null])).toEqual([
      ['city', null, null, null, false],
      ['district', '东城区', null, null, false],
      ['viewer', '东城区', null, null, true],
      ['subdistrict', '东城区', '和平里街道', null, false],
      ['community', '东城区', null, '和平里社区', false],
      ...(onPostgres ? [['community', '东城区', null, '和平里社区', false]] : []),
    ]);
  });

  it('records each account made and disabled; on a server a city account’s line is nobody’s district', async () => {
    const lines = (await accountLines()).filter((l) => l.entity_key.startsWith(tag));
    const server = onPostgres;
    expect(lines.slice(0, 2)).toEqual([
      { action: 'create', entity_key: lines[0]!.entity_key, detail: { role: 'city', scope: null, login: server }, district: null },
      { action: 'create', entity_key: login('dc'), detail: { role: 'district', scope: '东城区', login: server }, district: server ? '东城区' : null },
    ]);
    expect(lines.find((l) => l.entity_key === login('hpj'))).toMatchObject({ detail: { role: 'subdistrict', scope: '和平里街道' } });
    expect(lines.find((l) => l.entity_key === login('hp'))).toMatchObject({ detail: { role: 'community', scope: '和平里社区' } });
    expect(lines.filter((l) => l.action === 'disable')).toEqual([{ action: 'disable', entity_key: login('v'), detail: null, district: server ? '东城区' : null }]);
  });
});

// After the list and the trail above, which read every account made before them.
describe('more accounts', () => {
  it('refuses the names the server keeps for itself only at the start of a name', async () => {
    for (const name of [login('pg_x'), login('nuanxin_x')]) expect((await add({ name, role: 'city' })).name).toBe(name);
  });

  it('records the account it makes, with its role, scope and whether it is a login', async () => {
    await add({ name: login('au'), role: 'viewer', scope: '东城区' });
    expect((await accountLines()).filter((l) => l.entity_key === login('au'))).toEqual([
      { action: 'create', entity_key: login('au'), detail: { role: 'viewer', scope: '东城区', login: onPostgres }, district: onPostgres ? '东城区' : null },
    ]);
  });
});

describe.skipIf(onPostgres)('[SQLite] a file whose district has no name yet', () => {
  it('takes any name for its one district; a named one only its own', async () => {
    const fresh = await freshCtx({ today: '2026-11-25', now });
    try {
      expect(await addAccount(fresh.ctx, { name: 'office', role: 'district', scope: '西关区' })).toMatchObject({ district: '' });
      await nameDistrictAtInit(fresh.ctx, '西关区');
      expect(await refusalOf(() => addAccount(fresh.ctx, { name: 'office2', role: 'district', scope: '东关区' }))).toMatchObject({ params: { name: '东关区' } });
    } finally {
      await fresh.close();
    }
  });
});

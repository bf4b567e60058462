import pg from 'pg';
import { libpqSslModes, quietLibraryDeprecations } from './url.js';

/**
 * One setting read from a server before the command is built (see ../peek-setting.ts): one short
 * connection, two seconds at most, silent on any failure (the command that follows reports it properly).
 */
export async function peekServerSetting(url: string, key: string): Promise<string | undefined> {
  quietLibraryDeprecations();
  let client: pg.Client | undefined;
  try {
    client = new pg.Client({ connectionString: libpqSslModes(url), connectionTimeoutMillis: 2_000, statement_timeout: 2_000, application_name: 'nuanxin' });
    client.on('error', () => {});
    await client.connect();
    const { rows } = await client.query<{ value: unknown }>('select value from settings where key = $1', [key]);
    return typeof rows[0]?.value === 'string' ? rows[0].value : undefined;
  } catch {
    return undefined;
  } finally {
    await client?.end().catch(() => {});
  }
}

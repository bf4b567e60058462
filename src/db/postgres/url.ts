/**
 * `sslmode` as libpq (psql, pg_dump) reads it: `require` encrypts without verifying the certificate,
 * `verify-full` verifies it. The driver's own reading treats every mode as verify-full and prints a
 * warning on each run (noise in every cron mail); its libpq-compatible reading is asked for here.
 */
export function libpqSslModes(url: string): string {
  if (!/[?&]sslmode=/i.test(url) || /[?&]uselibpqcompat=/i.test(url)) return url;
  return `${url}&uselibpqcompat=true`;
}

/**
 * The driver announces on stderr, once per run, that its ~/.pgpass support is deprecated: a clerk cannot
 * act on it, and cron would mail it after every command. Library deprecation notices are for developers
 * (`node --trace-deprecation` still shows them when set explicitly).
 */
export function quietLibraryDeprecations(): void {
  if (!process.execArgv.some((arg) => arg.includes('deprecation'))) process.noDeprecation = true;
}

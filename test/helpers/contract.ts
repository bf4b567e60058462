// The published JSON contracts (docs/schema/): every weekly and programme report a
// test produces as JSON is checked against its schema, in-process or spawned.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const Ajv = require('ajv') as typeof import('ajv').default;

export const SCHEMAS = {
  weekly: 'weekly-report',
  programme: 'programme-report',
  targets: 'targets-report',
  communities: 'communities-report',
  annual: 'annual-report',
  city: 'city-report',
} as const;
export type Contract = keyof typeof SCHEMAS;

const validators = new Map<Contract, ValidateFunction>();

export function schemaOf(contract: Contract): Record<string, unknown> {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../docs/schema/${SCHEMAS[contract]}.schema.json`, import.meta.url)), 'utf8'));
}

function validator(contract: Contract): ValidateFunction {
  const known = validators.get(contract);
  if (known) return known;
  const v = new Ajv({ allErrors: true, strict: true, verbose: true }).compile(schemaOf(contract));
  validators.set(contract, v);
  return v;
}

/** The schema's complaints about `document` (empty when it holds). */
export function contractErrors(contract: Contract, document: unknown): string[] {
  const v = validator(contract);
  return v(document) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} (was ${JSON.stringify(e.data)})`);
}

const optionValue = (argv: string[], flag: string) => {
  const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i === -1) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.slice(flag.length + 1) : argv[i + 1];
};

/** Which contract a successful command line printed or wrote, if any. */
function contractOf(argv: string[]): Contract | undefined {
  const at = argv.indexOf('report');
  const verb = at === -1 ? undefined : argv[at + 1];
  // `report community NAME` prints the weekly document of one community; `program` is programme's alias.
  const contract = (
    { weekly: 'weekly', community: 'weekly', programme: 'programme', program: 'programme', targets: 'targets', communities: 'communities', annual: 'annual' } as const
  )[verb ?? ''];
  if (!contract) return undefined;
  const json = argv.includes('--json') || optionValue(argv, '--format') === 'json';
  if (!json) return undefined;
  // `--city`: every district side by side, one document for all four reports.
  return argv.includes('--city') ? 'city' : contract;
}

/** Throws when a weekly or programme JSON report (stdout, or its --out file) breaks its published schema. */
export function checkContract(argv: string[], code: number | null, stdout: string, cwd = process.cwd()): void {
  const contract = code === 0 ? contractOf(argv) : undefined;
  if (!contract) return;
  const out = optionValue(argv, '--out');
  const path = out && (out.startsWith('/') ? out : `${cwd}/${out}`);
  if (path && !existsSync(path)) throw new Error(`nuanxin ${argv.join(' ')}: exit 0 but no ${path} was written`);
  const text = path ? readFileSync(path, 'utf8') : stdout;
  const errors = contractErrors(contract, JSON.parse(text));
  if (errors.length) throw new Error(`nuanxin ${argv.join(' ')}: output breaks docs/schema/${SCHEMAS[contract]}.schema.json:\n${errors.slice(0, 10).join('\n')}`);
}

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkContract } from './contract.js';

export const BIN = fileURLToPath(new URL('../../bin/nuanxin.cjs', import.meta.url));

export type Spawned = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number };

/** Spawns the built CLI as a clerk or cron would: stdin is not a TTY. */
export function spawnCli(argv: string[], env: Record<string, string> = {}, input?: string): Promise<Spawned> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'en_US.UTF-8', NUANXIN_OPERATOR: 'e2e', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      try {
        checkContract(argv, code, stdout);
        resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
      } catch (error) {
        reject(error);
      }
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

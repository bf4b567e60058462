import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NuanxinError, type ErrorKind, type MessageParams } from '../errors.js';
import type { FileMeta, ParsedBatch } from './records.js';

// The worker entry the domain supplies (src/domain/workers/roster-parse-worker.ts), bundled next to
// the CLI in dist/; absent when running from source (tests), where parsing stays in-thread.
const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

export function parseWorkerAvailable(env: Record<string, string | undefined>): boolean {
  return env.NUANXIN_IMPORT_THREADS !== '0' && existsSync(fileURLToPath(WORKER_URL));
}

type Message = { batch: ParsedBatch<unknown> } | { done: true } | { error: { kind: ErrorKind; key: string; params: MessageParams; hintKey?: string } | { message: string } };

/**
 * Parses the file in a worker thread and yields its batches in order. The
 * worker waits when it is a few batches ahead (a shared counter), so memory
 * stays flat however large the file.
 */
export async function* parseInWorker<V>(file: FileMeta, parser: { name: string; options: unknown }): AsyncGenerator<ParsedBatch<V>> {
  const control = new SharedArrayBuffer(8);
  const flow = new Int32Array(control);
  // A modest heap for the parser: it holds only a few batches and the duplicate index.
  const worker = new Worker(WORKER_URL, { workerData: { file, parser, control }, resourceLimits: { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 } });
  const inbox: Message[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const arrive = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: Message) => {
    inbox.push(message);
    arrive();
  });
  worker.on('error', (error) => {
    failure = error;
    arrive();
  });
  worker.on('exit', (code) => {
    failure ??= code === 0 ? undefined : new Error(`import worker exited with code ${code}`);
    inbox.push({ error: { message: 'import worker stopped early' } });
    arrive();
  });
  try {
    for (;;) {
      while (inbox.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const message = inbox.shift()!;
      if ('done' in message) return;
      if ('error' in message) throw rebuild(message.error);
      yield message.batch as ParsedBatch<V>;
      Atomics.add(flow, 1, 1);
      Atomics.notify(flow, 1);
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}

function rebuild(error: Extract<Message, { error: unknown }>['error']): Error {
  if ('key' in error) return new NuanxinError(error);
  return new Error(error.message);
}

// Worker-thread entry (bundled as dist/parse-worker.js): decodes, parses and
// validates a file while the main thread writes the rows parsed before.
import { parentPort, workerData } from 'node:worker_threads';
import { rosterParser, type RosterParseOptions } from './roster-parse.js';
import { NuanxinError } from '../../errors.js';
import { readRecordBatches } from '../../import/decode.js';
import { recordParser } from '../../import/parse-records.js';
import type { FileMeta } from '../../import/records.js';

/** The parsers a worker can run, by name (plain-data options only cross threads). */
const PARSERS = { roster: (options: RosterParseOptions) => rosterParser(options) };

/** How many parsed batches may wait for the main thread: bounds memory on huge files. */
const MAX_AHEAD = 4;

type Data = { file: FileMeta; parser: { name: keyof typeof PARSERS; options: RosterParseOptions }; control: SharedArrayBuffer };

async function main(port: NonNullable<typeof parentPort>, data: Data): Promise<void> {
  const flow = new Int32Array(data.control); // [batches sent, batches consumed]
  const state = recordParser(PARSERS[data.parser.name](data.parser.options));
  for await (const records of readRecordBatches(data.file)) {
    port.postMessage({ batch: { ...state.push(records), bytesRead: records.bytesRead } });
    const sent = Atomics.add(flow, 0, 1) + 1;
    for (let consumed = Atomics.load(flow, 1); sent - consumed > MAX_AHEAD; consumed = Atomics.load(flow, 1)) {
      Atomics.wait(flow, 1, consumed, 100);
    }
  }
  port.postMessage({ batch: { items: [], ...state.finish() } });
  port.postMessage({ done: true });
}

if (parentPort) {
  const port = parentPort;
  main(port, workerData as Data).catch((error: unknown) => {
    const known = error instanceof NuanxinError ? { kind: error.kind, key: error.key, params: error.params, hintKey: error.hintKey } : undefined;
    port.postMessage({ error: known ?? { message: error instanceof Error ? (error.stack ?? error.message) : String(error) } });
  });
}

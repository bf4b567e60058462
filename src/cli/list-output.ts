import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { MODE_PERSONAL, checkOutputTarget, put, writeAtomically, type OutputGuard } from '../files/output-file.js';
import type { SheetSpec } from '../files/workbook-writer.js';
import { maskPersonalText } from '../domain/privacy.js';
import type { Io } from './io.js';
import { refuseWorkbookOnTerminal } from './workbook-out.js';

/** Where `renderRows` puts a list when the format is xlsx: sheets, written as one workbook after the command. */
export type WorkbookCollector = { sheets: SheetSpec[]; sheetName: string; cell: (text: string) => string };

// Commands whose lists take --out FILE and --format xlsx (withFormat marks them).
const LIST_COMMANDS = new WeakSet<Command>();

export function markListOutput(cmd: Command): void {
  LIST_COMMANDS.add(cmd);
}

export function hasListOutput(cmd: Command): boolean {
  return LIST_COMMANDS.has(cmd);
}

type Flags = { format?: string; json?: boolean; out?: string; reveal?: boolean; reason?: string };

export type ListOutputProps = {
  io: Io;
  flags: Flags;
  sheetName: string;
  guard: () => OutputGuard;
  note: (path: string) => void;
};

/**
 * Runs a list command with its output redirected: to `--out FILE` (written
 * atomically, the clerk's alone: lists hold names), and for `--format xlsx`
 * into a workbook. Text formats still pass the stdout guard (masking); the
 * workbook's cells are masked here the same way, unless revealed.
 */
export async function runWithListOutput(props: ListOutputProps, run: (io: Io) => Promise<number | void>): Promise<number | void> {
  const { io, flags } = props;
  const xlsx = !flags.json && flags.format === 'xlsx';
  if (!xlsx && !flags.out) return run(io);
  if (flags.out) checkOutputTarget(flags.out, props.guard());
  if (xlsx) refuseWorkbookOnTerminal(io.stdout, flags.out);
  const reveal = Boolean(flags.reveal && flags.reason?.trim());
  const chunks: Buffer[] = [];
  const sink = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        done();
      },
    }),
    { isTTY: false },
  );
  const workbook: WorkbookCollector | undefined = xlsx ? { sheets: [], sheetName: props.sheetName, cell: (text) => (reveal ? text : maskPersonalText(text)) } : undefined;
  const code = await run({ ...io, stdout: sink, workbook });
  const write = async (out: Writable) => {
    if (workbook) {
      const { writeWorkbook } = await import('../files/workbook-writer.js');
      await writeWorkbook(out, workbook.sheets);
    } else await put(out, Buffer.concat(chunks));
  };
  if (flags.out) {
    await writeAtomically(flags.out, write, { ...props.guard(), mode: MODE_PERSONAL });
    props.note(flags.out);
  } else await write(io.stdout);
  return code;
}

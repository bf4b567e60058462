import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { ValidationError } from '../errors.js';
import { readWorkbook, workbookFormatOf, type HeaderProbe } from './workbook.js';

export const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le'] as const;
export type EncodingChoice = (typeof ENCODINGS)[number];
export type FileEncoding = Exclude<EncodingChoice, 'auto'>;

export type FileInfo = FileMeta;

import type { FileMeta, RawRecord, RecordBatch } from './records.js';

/** The encoding a byte-order mark at the start names, if there is one. */
function bomOf(head: Buffer): FileEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/**
 * One streaming pass: SHA-256, size, and the encoding — BOM (UTF-8, UTF-16LE),
 * else strict UTF-8, else GB18030 (never "gbk": it garbles four-byte characters
 * such as 㐀). A forced encoding skips detection.
 */
export async function inspectFile(path: string, choice: EncodingChoice = 'auto'): Promise<FileInfo> {
  const size = await fileSize(path);
  const format = workbookFormatOf(await firstBytes(path, 8));
  if (format) return { path, name: basename(path), size, sha256: await sha256Of(path), encoding: null, bom: false, delimiter: ',', format };
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let checkedHead = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    // Stryker disable ConditionalExpression,EqualityOperator,AssignmentOperator,BooleanLiteral: memory and time only — the head is cut to 64 KiB below, and refuseNonText reads the same first bytes each time
    if (headLength < 65_536) {
      headChunks.push(chunk);
      headLength += chunk.length;
    }
    if (!checkedHead) {
      // Refused at once: a workbook or a binary file is never streamed through (or echoed).
      refuseNonText(Buffer.concat(headChunks), choice);
      checkedHead = true;
    }
    // Stryker restore ConditionalExpression,EqualityOperator,AssignmentOperator,BooleanLiteral
    // Stryker disable next-line ConditionalExpression,LogicalOperator: time only — validUtf8 is read only when choice is 'auto', and once false stays false
    if (validUtf8 && choice === 'auto') {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
  }
  // The end of the file: a character cut short there is not UTF-8 (a decoder never fed returns '').
  try {
    utf8.decode();
  } catch {
    validUtf8 = false;
  }
  const head = Buffer.concat(headChunks).subarray(0, 65_536);
  const bom = bomOf(head);
  const encoding: FileEncoding = choice !== 'auto' ? choice : (bom ?? (validUtf8 ? 'utf-8' : 'gb18030'));
  if (choice === 'utf-8' && !isValidUtf8(head)) {
    throw new ValidationError({ key: 'import.bad_encoding', params: { encoding: 'UTF-8' } });
  }
  // A UTF-8 BOM promises UTF-8: bytes that are not (a GB18030 row pasted in) are refused, not garbled.
  if (choice === 'auto' && encoding === 'utf-8' && !validUtf8) {
    const row = (await refuseMixedEncoding(path)) ?? 1;
    throw new ValidationError({ key: 'import.mixed_encoding', params: { row }, hintKey: 'import.mixed_encoding.hint' });
  }
  // Detected GB18030: every line must be GB18030, and none UTF-8 (a file pasted together from both garbles silently).
  if (choice === 'auto' && encoding === 'gb18030') await refuseMixedEncoding(path);
  return { path, name: basename(path), size, sha256: hash.digest('hex'), encoding, bom: bom === encoding, delimiter: delimiterOf(head, encoding), format: 'csv' };
}

async function firstBytes(path: string, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
    // Stryker disable next-line BlockStatement: a handle left open is closed when collected; nothing a test can see
  } finally {
    await file.close();
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** How much of the start is looked at to tell text from a workbook or binary data. */
const SNIFF_BYTES = 8_192;

function refuseNonText(head: Buffer, choice: EncodingChoice): void {
  const start = head.subarray(0, SNIFF_BYTES);
  const utf16 = choice === 'utf-16le' || (choice === 'auto' && bomOf(start) === 'utf-16le');
  // A stray NUL in a row is that row's problem (rejected with its row number); a file full of them is not text.
  if (!utf16 && nulCount(start) > Math.max(8, start.length / 100)) throw new ValidationError({ key: 'import.binary', hintKey: 'import.binary.hint' });
}

/**
 * A second pass, for files that are not UTF-8 as a whole: a line that is
 * valid UTF-8 with CJK characters beside lines that are not means two
 * encodings were pasted together; a line GB18030 cannot decode means none fits.
 */
async function refuseMixedEncoding(path: string): Promise<number | undefined> {
  let line = 1;
  let utf8Line: number | undefined;
  let gbLine: number | undefined;
  let pending: Buffer = Buffer.alloc(0);
  const gb18030 = new TextDecoder('gb18030');
  const undecodable = (bytes: Buffer) => gb18030.decode(bytes).includes('\uFFFD');
  const classify = (bytes: Buffer, decodable: boolean) => {
    // isUtf8 is native and fails fast on a GB18030 line; the byte loops run only on the rare UTF-8 ones.
    if (isAscii(bytes)) return;
    const utf8 = isUtf8(bytes);
    if (utf8 && hasThreeByteUtf8(bytes)) utf8Line ??= line;
    else {
      if (!decodable && undecodable(bytes)) {
        throw new ValidationError({ key: 'import.no_encoding_fits', params: { row: line }, hintKey: 'import.mixed_encoding.hint' });
      }
      gbLine ??= line;
    }
    if (utf8Line !== undefined && gbLine !== undefined) {
      throw new ValidationError({ key: 'import.mixed_encoding', params: { row: Math.max(utf8Line, gbLine) }, hintKey: 'import.mixed_encoding.hint' });
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 18 }) as AsyncIterable<Buffer>) {
    let data = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    const lastBreak = data.lastIndexOf(0x0a);
    // Whole lines that decode cleanly together each decode cleanly alone: one decode per chunk, not per line.
    const decodable = !undecodable(data.subarray(0, lastBreak + 1));
    for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a)) {
      classify(data.subarray(0, nl), decodable);
      data = data.subarray(nl + 1);
      line += 1;
    }
    // A line longer than the record limit is refused by the parser; here it only needs classifying once.
    pending = data.length > MAX_RECORD_CHARS ? Buffer.alloc(0) : Buffer.from(data);
  }
  classify(pending, false);
  return gbLine;
}

function nulCount(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(0); i !== -1; i = bytes.indexOf(0, i + 1)) n += 1;
  return n;
}

function hasThreeByteUtf8(bytes: Buffer): boolean {
  for (const b of bytes) if (b >= 0xe0 && b <= 0xef) return true;
  return false;
}

async function fileSize(path: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ValidationError({ key: 'file.not_found', params: { path } });
    throw new ValidationError({ key: 'file.error', params: { path, reason: code ?? 'stat' } });
  }
  // A folder, a device or a pipe is not a file to import (and a pipe would be read twice).
  if (!info.isFile()) throw new ValidationError({ key: 'file.error', params: { path, reason: info.isDirectory() ? 'EISDIR' : 'not a regular file' } });
  return info.size;
}

/** Whether the bytes are UTF-8, a character cut at their end allowed (they are the head of the file). */
function isValidUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer, { stream: true });
  } catch {
    return false;
  }
  return true;
}

/** Comma, or tab (Excel's "Unicode text" export): whichever the header line has more of. */
function delimiterOf(head: Buffer, encoding: FileEncoding): ',' | '\t' {
  const text = iconv.decode(head, encoding);
  const firstLine = text.split(/\r?\n/, 1)[0]!;
  const tabs = firstLine.split('\t').length - 1;
  const commas = firstLine.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

/** The longest record read (characters): past it the file is refused, so memory stays bounded on any input. */
export const MAX_RECORD_CHARS = 1 << 20;

type CsvApi = { parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined };

/**
 * Streams the file's records in batches (header first) with their Excel row
 * numbers, strictly: a quote left open that swallows following lines, or a
 * record past MAX_RECORD_CHARS, refuses the whole file (exit 5) naming the
 * row — never rows silently merged or dropped. csv-parse's own parser is
 * driven synchronously so its errors surface at the chunk that caused them.
 * Rows keep their cell count as written: a short or long row is for the
 * caller to reject, never silently trimmed.
 */
export async function* readRecordBatches(info: FileInfo, isHeader?: HeaderProbe): AsyncGenerator<RecordBatch> {
  if (info.format !== 'csv') {
    yield* workbookBatches(info, isHeader);
    return;
  }
  const parser = parse({ delimiter: info.delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_RECORD_CHARS, bom: true });
  const api = (parser as unknown as { api: CsvApi }).api;
  // Stryker disable next-line StringLiteral: a CSV always has an encoding (null is a workbook's, read above)
  const decoder = iconv.getDecoder(info.encoding ?? 'utf-8');
  let batch: RawRecord[] = [];
  let row = 0;
  const push = (record: string[]) => {
    row += 1;
    // A line break inside a cell can only come from a quoted cell spanning lines.
    // Stryker disable next-line ConditionalExpression,StringLiteral: time only — refuseSwallowedLines passes a cell without line breaks
    for (const cell of record) if (cell.includes('\n') || cell.includes('\r')) refuseSwallowedLines(record, row, info.delimiter);
    batch.push({ row, cells: record });
  };
  const feed = (buffer: Buffer | undefined, end: boolean) => {
    const error = api.parse(buffer, end, push, () => undefined);
    if (error) throw csvError(error, row);
  };
  // 256 KiB chunks: batches of a few thousand rows, small enough to die young in the GC.
  const file = createReadStream(info.path, { highWaterMark: 1 << 18 });
  const take = () => {
    const out = Object.assign(batch, { bytesRead: file.bytesRead });
    batch = [];
    return out;
  };
  for await (const chunk of file as AsyncIterable<Buffer>) {
    feed(Buffer.from(decoder.write(chunk)), false);
    yield take();
  }
  const rest = decoder.end();
  feed(rest ? Buffer.from(rest) : undefined, true);
  yield take();
}

/** A workbook's chosen sheet, row by row; the first batch says which sheet it was. */
async function* workbookBatches(info: FileInfo, isHeader?: HeaderProbe): AsyncGenerator<RecordBatch> {
  const { sheet, batches } = await readWorkbook(info, info.sheet, isHeader);
  let first = true;
  for await (const batch of batches) {
    yield first ? Object.assign(batch, { sheet }) : batch;
    first = false;
  }
}

/**
 * A record spanning several lines is a quoted cell with line breaks. In a
 * note that is fine; a cell whose later lines hold the delimiter is a stray
 * quote that has swallowed whole rows.
 */
function refuseSwallowedLines(record: string[], row: number, delimiter: string): void {
  for (const cell of record) {
    const breaks = cell.split(/\r\n|\r|\n/);
    if (breaks.slice(1).some((l) => l.includes(delimiter))) {
      const spanned = record.reduce((n, c) => n + c.split(/\r\n|\r|\n/).length - 1, 1);
      throw new ValidationError({ key: 'import.quote_swallows', params: { row, lines: spanned }, hintKey: 'import.quote.hint' });
    }
  }
}

function csvError(error: unknown, row: number): Error {
  const code = (error as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return new ValidationError({ key: 'import.quote_not_closed', params: { row: row + 1 }, hintKey: 'import.quote.hint' });
  if (code === 'CSV_MAX_RECORD_SIZE') return new ValidationError({ key: 'import.record_too_long', params: { row: row + 1, limit: MAX_RECORD_CHARS } });
  if (code?.startsWith('CSV_')) {
    return new ValidationError({ key: 'import.bad_csv', params: { row: row + 1, reason: (error as Error).message.slice(0, 200) } });
  }
  return error as Error;
}

/** Text in the input's own encoding (and BOM), so the clerk's Excel opens it the same way. */
export function encodeLike(info: Pick<FileInfo, 'encoding' | 'bom'>, text: string): Buffer {
  return iconv.encode(text, info.encoding ?? 'utf-8', { addBOM: info.bom });
}

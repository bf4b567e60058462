import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { NotFoundError, ValidationError } from '../errors.js';

export const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le'] as const;
export type EncodingChoice = (typeof ENCODINGS)[number];
export type FileEncoding = Exclude<EncodingChoice, 'auto'>;

export type FileInfo = FileMeta;

import type { FileMeta, RawRecord } from './records.js';

function bomOf(head: Buffer): { encoding: FileEncoding; bom: true } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  return undefined;
}

/**
 * One streaming pass: SHA-256, size, and the encoding — BOM (UTF-8, UTF-16LE),
 * else strict UTF-8, else GB18030 (never "gbk": it garbles four-byte characters
 * such as 㐀). A forced encoding skips detection.
 */
export async function inspectFile(path: string, choice: EncodingChoice = 'auto'): Promise<FileInfo> {
  const size = await fileSize(path);
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let head: Buffer | undefined;
  const headChunks: Buffer[] = [];
  let headLength = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (headLength < 65_536) {
      headChunks.push(chunk);
      headLength += chunk.length;
    }
    if (validUtf8 && choice === 'auto') {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
  }
  if (validUtf8 && choice === 'auto') {
    try {
      utf8.decode();
    } catch {
      validUtf8 = false;
    }
  }
  head = Buffer.concat(headChunks).subarray(0, 65_536);
  const bom = bomOf(head);
  const encoding: FileEncoding = choice !== 'auto' ? choice : bom ? bom.encoding : validUtf8 ? 'utf-8' : 'gb18030';
  if (choice === 'utf-8' && !isValidUtf8(head)) {
    throw new ValidationError({ key: 'import.bad_encoding', params: { encoding: 'UTF-8' } });
  }
  const hasBom = Boolean(bom && bom.encoding === encoding);
  return { path, name: basename(path), size, sha256: hash.digest('hex'), encoding, bom: hasBom, delimiter: delimiterOf(head, encoding) };
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    throw new NotFoundError({ key: 'file.not_found', params: { path } });
  }
}

function isValidUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Comma, or tab (Excel's "Unicode text" export): whichever the header line has more of. */
function delimiterOf(head: Buffer, encoding: FileEncoding): ',' | '\t' {
  const text = iconv.decode(head, encoding);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const tabs = firstLine.split('\t').length - 1;
  const commas = firstLine.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

/**
 * Streams the file's records in batches (header first) with their Excel row
 * numbers. csv-parse emits records synchronously as text is written to it, so
 * a whole chunk's records arrive as one batch: no per-record await. Rows keep
 * their cell count as written: a short or long row is for the caller to
 * reject, never silently trimmed.
 */
export async function* readRecordBatches(info: FileInfo): AsyncGenerator<RawRecord[] & { bytesRead?: number }> {
  const parser = parse({ delimiter: info.delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  const decoder = iconv.getDecoder(info.encoding);
  let batch: RawRecord[] = [];
  let row = 0;
  let failure: unknown;
  parser.on('data', (cells: string[]) => batch.push({ row: ++row, cells }));
  parser.on('error', (error) => (failure = error));
  // 256 KiB chunks: batches of a few thousand rows, small enough to die young in the GC.
  const file = createReadStream(info.path, { highWaterMark: 1 << 18 });
  const take = () => {
    if (failure) throw csvError(failure, row);
    const out = Object.assign(batch, { bytesRead: file.bytesRead });
    batch = [];
    return out;
  };
  for await (const chunk of file as AsyncIterable<Buffer>) {
    parser.write(decoder.write(chunk));
    yield take();
  }
  const rest = decoder.end();
  if (rest) parser.write(rest);
  parser.end();
  yield take();
}

function csvError(error: unknown, row: number): Error {
  if ((error as { code?: string }).code?.startsWith('CSV_')) {
    return new ValidationError({ key: 'import.bad_csv', params: { row: row + 1, reason: (error as Error).message } });
  }
  return error as Error;
}

/** Text in the input's own encoding (and BOM), so the clerk's Excel opens it the same way. */
export function encodeLike(info: Pick<FileInfo, 'encoding' | 'bom'>, text: string): Buffer {
  return iconv.encode(text, info.encoding, { addBOM: info.bom });
}

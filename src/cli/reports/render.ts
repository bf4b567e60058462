import { Writable } from 'node:stream';
import type { Translate } from '../messages/index.js';
import { toCsv, toMarkdown, toTable } from '../render.js';
import { signed, type Section } from './sections.js';

/** A report as every format renders it; `generated` is the time it was made, in the district's zone. */
export type ReportText = { title: string; subtitle: string; generated: string; sections: Section[] };

const text = (v: string | number | null) => (v === null ? '' : String(v));

export async function reportTable(t: Translate, r: ReportText): Promise<string> {
  let out = `${r.title}\n${r.subtitle}\n`;
  for (const section of r.sections) {
    out += `\n${section.title}\n`;
    if (section.figures.length) {
      out += await toTable(
        [t('report.figure'), t('report.current'), t('report.previous'), t('report.change')],
        section.figures.map((f) => [f.label, String(f.current), String(f.previous), signed(f.change)]),
      );
    }
    for (const list of section.lists) {
      if (list.rows.length === 0) continue;
      out += `${list.title}\n${await toTable(
        list.headers,
        list.rows.map((row) => row.map(text)),
      )}`;
    }
  }
  return out;
}

export function reportMarkdown(t: Translate, r: ReportText): string {
  let out = `# ${r.title}\n\n${r.subtitle}\n`;
  for (const section of r.sections) {
    out += `\n## ${section.title}\n\n`;
    if (section.figures.length) {
      out += toMarkdown(
        [t('report.figure'), t('report.current'), t('report.previous'), t('report.change')],
        section.figures.map((f) => [f.label.trim(), String(f.current), String(f.previous), signed(f.change)]),
      );
    }
    for (const list of section.lists) {
      if (list.rows.length === 0) continue;
      out += `\n**${list.title}**\n\n${toMarkdown(
        list.headers,
        list.rows.map((row) => row.map(text)),
      )}`;
    }
  }
  return out;
}

/** One sheet for Excel: section, figure, current, previous, change, all in the run's language (scripts read --json). */
export async function reportCsv(t: Translate, r: ReportText): Promise<string> {
  const rows: string[][] = [];
  for (const section of r.sections) {
    for (const f of section.figures) rows.push([section.title, f.label.trim(), String(f.current), String(f.previous), String(f.change)]);
  }
  return toCsv([t('report.section'), t('report.figure'), t('report.current'), t('report.previous'), t('report.change')], rows);
}

/**
 * The report as a workbook, one sheet per section: its figures (numbers as
 * number cells) under the report's title, then its lists. Text is masked as
 * in every report file (reports have no --reveal).
 */
export async function reportWorkbook(t: Translate, r: ReportText): Promise<Buffer> {
  const { figureCell, writeWorkbook } = await import('../../files/workbook-writer.js');
  const { maskPersonalText } = await import('../../domain/privacy.js');
  const cell = (v: string | number | null) => (typeof v === 'string' ? figureCell(maskPersonalText(v)) : v);
  const sheets = r.sections.flatMap((section) => {
    const lists = section.lists.filter((l) => l.rows.length > 0).map((l) => ({ title: l.title, headers: l.headers, rows: l.rows.map((row) => row.map(cell)) }));
    const figures = section.figures.length
      ? {
          headers: [t('report.figure'), t('report.current'), t('report.previous'), t('report.change')],
          rows: section.figures.map((f) => [f.label.trim(), f.current, f.previous, f.change]),
        }
      : lists.shift();
    if (!figures) return [];
    return [{ name: section.title, title: [r.title, r.subtitle], headers: figures.headers, rows: figures.rows, tables: lists }];
  });
  // A report with nothing in it is still a workbook the clerk can open: its title and an empty table.
  if (sheets.length === 0) sheets.push({ name: r.title, title: [r.title, r.subtitle], headers: [t('report.figure')], rows: [], tables: [] });
  return bufferOf((out) => writeWorkbook(out, sheets));
}

async function bufferOf(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await write(out);
  return Buffer.concat(chunks);
}

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

// What may stay Latin in a Chinese text: flags, placeholders, codes a clerk types, file formats, names of standards.
import type { Command } from 'commander';

const FORMATS_AND_STANDARDS = [
  'nuanxin',
  'PostgreSQL',
  'SQLite',
  'CSV',
  'TSV',
  'csv',
  'JSON',
  'json',
  'HTML',
  'html',
  'md',
  'Markdown',
  'table',
  'xlsx',
  'xls',
  'PDF',
  'A4',
  'Excel',
  'WPS',
  'Office',
  'ZIP',
  'MB',
  'UTF-8',
  'UTF-16',
  'UTF-16LE',
  'utf-8',
  'utf-16le',
  'gb18030',
  'GB18030',
  'BOM',
  'SHA-256',
  'ISO',
  'SQLite',
  'WAL',
  'ID',
  'URL',
  'GB',
  'cron',
  'auto',
  'zh',
  'en',
  'zh-CN',
  'TTY',
  'NUL',
  'help',
  'bash',
  'zsh',
  'integrity_check',
  'foreign_key_check',
  // what `audit --entity` takes
  'station',
  'worker',
  'community',
  'subdistrict',
  'setting',
  'rule',
  'gift',
  'team',
  'sponsor',
  'wish',
  'event',
  'merchant',
  'points',
  'point_entry',
  'care_visit',
  'childcare_site',
  'childcare_enrolment',
];

/** Every command name and alias of the tree (codes the clerk types). */
export function commandWords(program: Command): string[] {
  const words: string[] = [];
  const walk = (cmd: Command) => {
    words.push(cmd.name(), ...cmd.aliases());
    cmd.commands.forEach(walk);
  };
  walk(program);
  return words;
}

/** Latin words left in `text` once flags, placeholders, code spans, env names and the allowed words are taken out. */
export function englishWords(text: string, allowed: Iterable<string>): string[] {
  const allow = new Set([...FORMATS_AND_STANDARDS, ...allowed]);
  const stripped = text
    .split('\n')
    .filter((line) => !/^(\w+=\S*\s+)*(source <\()?nuanxin /.test(line.trim())) // example command lines
    .join('\n')
    .replace(/`[^`]*`/g, ' ')
    .replace(/(^|\s|[（(，、：:/])-{1,2}[A-Za-z][\w-]*(=\S*)?/g, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g, ' ') // NUANXIN_DB, LC_ALL
    .replace(/\b\d{4}-W\d{2}\b|YYYY-Www|YYYY-MM-DD|YYYY-MM|HH:mm|YYYY|\d{4}-\d{2}-\d{2}T[\d:+.]*/g, ' ');
  const words = stripped.match(/[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z]{2,}/g) ?? [];
  // A token with digits in it (ST0001, W47) is a code or data, not a word left untranslated.
  return [...new Set(words.filter((w) => !allow.has(w) && !allow.has(w.toLowerCase()) && !/^[a-z]$/i.test(w) && !/\d/.test(w)))];
}

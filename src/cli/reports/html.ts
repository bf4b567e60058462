import { termLabel, type Translate } from '../messages/index.js';
import type { WeeklyReport } from '../../domain/reports/weekly.js';
import type { ReportText } from './render.js';
import { signed } from './sections.js';
import { barChart } from './svg.js';

const escapeHtml = (s: string | number | null) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

// A figure, a change (+3, -2), a rate (78%) or an amount: right-aligned so digits line up; words stay left.
const NUMBER = /^[+-]?\d[\d,]*(\.\d+)?%?$/;
const cellClass = (value: string | number | null) => (typeof value === 'number' || NUMBER.test(String(value ?? '').trim()) ? ' class="num"' : '');

function table(headers: string[], rows: (string | number | null)[][]): string {
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || r[i] === '' || cellClass(r[i]!) !== ''));
  return `<table><thead><tr>${headers.map((h, i) => `<th${numeric[i] ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td${cellClass(c)}>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Charts of the weekly report: points per week (12 weeks), wishes by state, compliance by community. */
export function weeklyCharts(t: Translate, r: WeeklyReport): string[] {
  return [
    barChart({
      title: t('report.chart.points_by_week'),
      rows: r.charts.points_by_week.map((w) => ({ label: w.week, values: [w.awarded, w.redeemed] })),
      series: [t('report.points.awarded'), t('report.points.redeemed')],
    }),
    barChart({
      title: t('report.chart.wishes_by_state'),
      rows: Object.entries(r.charts.wishes_by_state).map(([state, n]) => ({ label: termLabel(t, 'wish_status', state), values: [n] })),
      series: [t('report.count')],
    }),
    barChart({
      title: t('report.chart.compliance'),
      rows: r.charts.compliance_by_community.map((c) => ({ label: c.community, values: [c.stations, c.fully_equipped] })),
      series: [t('report.stations.open'), t('report.stations.fully_equipped')],
    }),
  ];
}

/** One self-contained page (no network), laid out to print on A4; `generated` is when, in the district's zone. */
export function reportHtml(t: Translate, r: ReportText, charts: string[], generated: string): string {
  const sections = r.sections
    .map((s) => {
      const figures = s.figures.length
        ? table(
            [t('report.figure'), t('report.current'), t('report.previous'), t('report.change')],
            s.figures.map((f) => [f.label.trim(), f.current, f.previous, signed(f.change)]),
          )
        : '';
      const lists = s.lists
        .filter((l) => l.rows.length)
        .map((l) => `<h3>${escapeHtml(l.title)}</h3>${table(l.headers, l.rows)}`)
        .join('');
      return `<section><h2>${escapeHtml(s.title)}</h2>${figures}${lists}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${t('report.html_lang')}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(r.title)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  /* A CJK face on every desktop: Noto/Source Han (Linux: fonts-noto-cjk), YaHei and SimHei (Windows), PingFang (macOS). */
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei", sans-serif; font-size: 11pt; color: #222; max-width: 180mm; margin: 0 auto; }
  svg text { font-family: inherit; }
  h1 { font-size: 18pt; border-bottom: 2px solid #c0392b; padding-bottom: 4pt; }
  h2 { font-size: 13pt; margin-top: 14pt; color: #c0392b; }
  h3 { font-size: 11pt; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
  th, td { border: 1px solid #ccc; padding: 2pt 5pt; text-align: left; overflow-wrap: break-word; }
  .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .meta { color: #555; font-size: 9.5pt; }
  .multiples-title { font-weight: bold; font-size: 13pt; margin: 8pt 0 4pt; }
  .multiples { display: flex; flex-wrap: wrap; gap: 6pt 4%; }
  .panel { width: 48%; break-inside: avoid; }
  section, figure { break-inside: avoid; }
  figure { margin: 8pt 0; }
</style>
</head>
<body>
<h1>${escapeHtml(r.title)}</h1>
<p>${escapeHtml(r.subtitle)}</p>
<p class="meta">${escapeHtml(t('report.generated_at', { at: generated }))}</p>
${charts.map((c) => `<figure>${c}</figure>`).join('\n')}
${sections}
</body>
</html>
`;
}

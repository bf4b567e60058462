import type { Translate } from '../messages/index.js';
import type { WeeklyReport } from '../../domain/reports/weekly.js';
import type { ReportText } from './render.js';
import { signed } from './sections.js';
import { barChart } from './svg.js';

const escape = (s: string | number | null) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function table(headers: string[], rows: (string | number | null)[][]): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Charts of the weekly report: points per week (12 weeks), wishes by state, compliance by community. */
export function weeklyCharts(t: Translate, r: WeeklyReport): string[] {
  return [
    barChart({
      title: t('report.chart.points_by_week'),
      bars: r.charts.points_by_week.map((w) => ({ label: w.week.slice(5), value: w.awarded, secondary: w.redeemed })),
      legend: [t('report.points.awarded'), t('report.points.redeemed')],
    }),
    barChart({ title: t('report.chart.wishes_by_state'), bars: Object.entries(r.charts.wishes_by_state).map(([state, n]) => ({ label: state, value: n })) }),
    barChart({
      title: t('report.chart.compliance'),
      bars: r.charts.compliance_by_community.map((c) => ({ label: c.community, value: c.stations, secondary: c.fully_equipped })),
      legend: [t('report.stations.open'), t('report.stations.fully_equipped')],
    }),
  ];
}

/** One self-contained page (no network), laid out to print on A4. */
export function reportHtml(t: Translate, r: ReportText, charts: string[]): string {
  const sections = r.sections
    .map((s) => {
      const figures = s.figures.length
        ? table([t('report.figure'), t('report.current'), t('report.previous'), t('report.change')], s.figures.map((f) => [f.label.trim(), f.current, f.previous, signed(f.change)]))
        : '';
      const lists = s.lists.filter((l) => l.rows.length).map((l) => `<h3>${escape(l.title)}</h3>${table(l.headers, l.rows)}`).join('');
      return `<section><h2>${escape(s.title)}</h2>${figures}${lists}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escape(r.title)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 11pt; color: #222; max-width: 180mm; margin: 0 auto; }
  h1 { font-size: 18pt; border-bottom: 2px solid #c0392b; padding-bottom: 4pt; }
  h2 { font-size: 13pt; margin-top: 14pt; color: #c0392b; }
  h3 { font-size: 11pt; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
  th, td { border: 1px solid #ccc; padding: 2pt 5pt; text-align: left; }
  td:not(:first-child) { text-align: right; }
  section, figure { break-inside: avoid; }
  figure { margin: 8pt 0; }
</style>
</head>
<body>
<h1>${escape(r.title)}</h1>
<p>${escape(r.subtitle)}</p>
${charts.map((c) => `<figure>${c}</figure>`).join('\n')}
${sections}
</body>
</html>
`;
}

/**
 * Small inline SVG charts (no network, no library), sized for A4. Bars run
 * across, one row per label, so labels never collide however many
 * communities there are; a long label wraps onto a second line. Each chart
 * has its own scale: figures of different sizes get separate charts (see
 * `smallMultiples`), never one shared axis.
 */

import { displayWidth } from '../render.js';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export type BarRow = { label: string; values: number[] };
/**
 * `scale: 'row'`: each row on its own scale (a figure compared with itself, this period against the
 * last), for rows of different units — cases and yuan are never drawn against one axis.
 */
export type BarChart = { title: string; rows: BarRow[]; series: string[]; width?: number; scale?: 'chart' | 'row' };

const COLOURS = ['#c0392b', '#e8a33d', '#2e86c1'];
const FONT = 11;
// Half a CJK character: what one display column measures at this font size (a safe upper bound).
const COLUMN_PX = FONT * 0.6;
const BAR = 9;
// One series' bar plus the room its value label needs above the next (a label is ~12 px tall).
const PITCH = 14;
const TITLE_FONT = 13;

/** Splits `label` into lines of at most `columns` display columns (`most` lines; the rest is cut with …). */
function wrap(label: string, columns: number, most = 2): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of label) {
    if (displayWidth(line + ch) > columns) {
      lines.push(line);
      line = '';
      if (lines.length === most) break;
    }
    line += ch;
  }
  if (lines.length < most && line) lines.push(line);
  if (lines.join('').length < [...label].length) lines[most - 1] = `${[...lines[most - 1]!].slice(0, -1).join('')}…`;
  return lines;
}

/** Horizontal bars: a label column on the left, one bar per series, the value after each bar. */
export function barChart(chart: BarChart): string {
  const width = chart.width ?? 640;
  const labelColumns = Math.min(18, Math.max(4, ...chart.rows.map((r) => displayWidth(r.label))));
  const labelWidth = Math.ceil(labelColumns * COLUMN_PX) + 8;
  // Room after the longest bar for its value, however many digits it has.
  const valueWidth = Math.ceil(Math.max(1, ...chart.rows.flatMap((r) => r.values.map((v) => String(v).length))) * (FONT - 2) * 0.62) + 8;
  const plotWidth = width - labelWidth - valueWidth;
  const chartMax = Math.max(1, ...chart.rows.flatMap((r) => r.values));
  const titleLines = wrap(chart.title, Math.floor(width / (TITLE_FONT * 0.6)) - 1, 3);
  const titleHeight = titleLines.length * (TITLE_FONT + 4) + 3;
  const legendTop = titleHeight + 4;
  const legendHeight = chart.series.length > 1 ? 16 : 0;
  let y = legendTop + legendHeight + 4;
  const body: string[] = [];
  for (const row of chart.rows) {
    const lines = wrap(row.label, labelColumns);
    const rowHeight = Math.max(row.values.length * PITCH, lines.length * (FONT + 3)) + 6;
    body.push(
      `<text class="label" x="0" y="${y + FONT}" font-size="${FONT}">${lines.map((l, i) => `<tspan x="0" dy="${i === 0 ? 0 : FONT + 2}">${escapeXml(l)}</tspan>`).join('')}<title>${escapeXml(row.label)}</title></text>`,
    );
    const max = chart.scale === 'row' ? Math.max(1, ...row.values) : chartMax;
    row.values.forEach((value, i) => {
      const top = y + i * PITCH;
      const length = (plotWidth * Math.max(0, value)) / max;
      body.push(
        `<rect class="bar" x="${labelWidth}" y="${top}" width="${length.toFixed(1)}" height="${BAR}" fill="${COLOURS[i % COLOURS.length]}"><title>${escapeXml(`${row.label} · ${chart.series[i] ?? ''}: ${value}`)}</title></rect>`,
      );
      body.push(`<text class="value" x="${(labelWidth + length + 4).toFixed(1)}" y="${top + BAR - 1}" font-size="${FONT - 2}">${value}</text>`);
    });
    y += rowHeight;
  }
  const height = y + 4;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeXml(chart.title)}">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<text class="chart-title" x="0" y="${TITLE_FONT + 4}" font-size="${TITLE_FONT}" font-weight="bold">${titleLines.map((l, i) => `<tspan x="0" dy="${i === 0 ? 0 : TITLE_FONT + 4}">${escapeXml(l)}</tspan>`).join('')}</text>`,
    chart.series.length > 1 ? legend(chart.series, legendTop) : '',
    ...body,
    '</svg>',
  ].join('');
}

/** The series' names side by side, each after its colour, spaced by their own widths. */
function legend(series: string[], top: number): string {
  let x = 0;
  return series
    .map((name, i) => {
      const item = `<rect x="${x}" y="${top}" width="10" height="10" fill="${COLOURS[i % COLOURS.length]}"/><text class="legend" x="${x + 14}" y="${top + 9}" font-size="${FONT - 1}">${escapeXml(name)}</text>`;
      x += 14 + Math.ceil(displayWidth(name) * (FONT - 1) * 0.6) + 16;
      return item;
    })
    .join('');
}

/** One small chart per panel, each on its own scale, laid out two to a row (`.multiples` in the page's CSS). */
export function smallMultiples(props: { title: string; panels: BarChart[] }): string {
  return `<div class="multiples-title">${escapeXml(props.title)}</div><div class="multiples">${props.panels.map((p) => `<div class="panel">${barChart({ ...p, width: 300 })}</div>`).join('')}</div>`;
}

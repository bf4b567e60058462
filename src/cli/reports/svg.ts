/** Small inline SVG charts (no network, no library): bars with labels, sized for A4. */

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export type Bar = { label: string; value: number; secondary?: number };

/** Vertical bars (two series side by side when `secondary` is given). */
export function barChart(props: { title: string; bars: Bar[]; legend?: [string, string] }): string {
  const width = 640;
  const height = 220;
  const pad = { left: 40, right: 10, top: 28, bottom: 40 };
  const max = Math.max(1, ...props.bars.map((b) => Math.max(b.value, b.secondary ?? 0)));
  const slot = (width - pad.left - pad.right) / Math.max(1, props.bars.length);
  const barWidth = props.bars.some((b) => b.secondary !== undefined) ? slot * 0.35 : slot * 0.6;
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escape(props.title)}">`,
    `<title>${escape(props.title)}</title>`,
    `<text x="${pad.left}" y="16" font-size="13" font-weight="bold">${escape(props.title)}</text>`,
    `<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#999"/>`,
    `<text x="${pad.left - 4}" y="${pad.top + 4}" font-size="10" text-anchor="end">${max}</text>`,
  ];
  props.bars.forEach((bar, i) => {
    const x = pad.left + i * slot + (slot - barWidth * (bar.secondary !== undefined ? 2 : 1)) / 2;
    parts.push(`<rect class="bar" x="${x.toFixed(1)}" y="${y(bar.value).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(height - pad.bottom - y(bar.value)).toFixed(1)}" fill="#c0392b"><title>${escape(`${bar.label}: ${bar.value}`)}</title></rect>`);
    if (bar.secondary !== undefined) {
      parts.push(`<rect class="bar" x="${(x + barWidth).toFixed(1)}" y="${y(bar.secondary).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(height - pad.bottom - y(bar.secondary)).toFixed(1)}" fill="#e8a33d"><title>${escape(`${bar.label}: ${bar.secondary}`)}</title></rect>`);
    }
    parts.push(`<text x="${(pad.left + i * slot + slot / 2).toFixed(1)}" y="${height - pad.bottom + 14}" font-size="10" text-anchor="middle">${escape(bar.label)}</text>`);
    parts.push(`<text x="${(pad.left + i * slot + slot / 2).toFixed(1)}" y="${(y(Math.max(bar.value, bar.secondary ?? 0)) - 3).toFixed(1)}" font-size="9" text-anchor="middle">${bar.value}${bar.secondary !== undefined ? `/${bar.secondary}` : ''}</text>`);
  });
  if (props.legend) {
    parts.push(`<rect x="${width - 190}" y="6" width="10" height="10" fill="#c0392b"/><text x="${width - 176}" y="15" font-size="10">${escape(props.legend[0])}</text>`);
    parts.push(`<rect x="${width - 100}" y="6" width="10" height="10" fill="#e8a33d"/><text x="${width - 86}" y="15" font-size="10">${escape(props.legend[1])}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

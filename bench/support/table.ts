export type Align = 'left' | 'right';

/** A plain-text table: the header, a rule, then the rows, each column aligned as asked (left by default). */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (align[i] === 'right' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}

export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function seconds(s: number): string {
  return s.toFixed(2);
}

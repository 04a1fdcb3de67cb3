// Column alignment like Go's text/tabwriter as argocd uses it (minwidth 0, padding 2, spaces):
// every cell but a row's last is padded to its column's widest cell plus the padding.

export interface TableOptions {
  /** Spaces between columns (argocd: 2). */
  padding?: number;
  /** Narrowest a column may be, padding included (argocd: 0). */
  minWidth?: number;
}

const width = (s: string): number => [...s].length;

/** Renders rows (the first is usually the header) as aligned lines, each ending in a newline. */
export function formatTable(rows: readonly (readonly string[])[], opts: TableOptions = {}): string {
  const padding = opts.padding ?? 2;
  const minWidth = opts.minWidth ?? 0;
  const widths: number[] = [];
  for (const row of rows) {
    // A row's last cell is not tab-terminated in argocd's format strings, so it never sets a width.
    row.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(cell) + padding, minWidth);
    });
  }
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell)))).join('') + '\n')
    .join('');
}

/** `Label:` padded to 20 columns, then the value: argocd's "%-20s%s" summary lines. */
export const summaryLine = (label: string, value: string | number | undefined): string => `${label.padEnd(20)}${value ?? ''}\n`;

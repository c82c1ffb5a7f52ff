function cleanCell(text: string): string {
  return text
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\s*\n\s*/g, '')
    .trim();
}

/** Rows of cells of the text layout: a tab line starts a cell, other text continues it, a blank line ends the row. */
export function tokenizeLayoutRows(lines: readonly string[]): string[][] {
  const rows: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line.startsWith('\t')) {
      if (!current) {
        current = [];
        rows.push(current);
      }
      current.push(line.slice(1));
    } else if (line.trim() === '') {
      current = null;
    } else if (current && current.length > 0) {
      current[current.length - 1] += `\n${line}`;
    }
  }
  return rows.map((row) => row.map(cleanCell));
}

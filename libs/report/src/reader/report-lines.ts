/**
 * The one input of the table reader: a report as visual lines of cells, whatever it was printed
 * in. A table row of an HTML/DOCX/text-layout report is one line with one cell per table cell; a
 * line of text extracted from a PDF is one line whose cells are its words and figures; a PDF page
 * gives lines rebuilt from the positions of its text items (cells keep their x, so that a blank
 * cell can be placed under its column).
 */
export interface LineCell {
  text: string;
  /** Left edge and width in PDF points, when the cell comes from a positioned PDF text item. */
  x?: number;
  width?: number;
}

export interface ReportLine {
  cells: LineCell[];
  /** The line as text, for headings and narrative. */
  raw: string;
}

// PDFs printed by browsers map many ideographs to the Kangxi radicals block (⼀ for 一, ⾏ for
// 行) or the CJK radicals supplement (⺠ for 民): NFKC folds the first block, the second needs a map.
const RADICALS_SUPPLEMENT: Readonly<Record<string, string>> = {
  '⺠': '民',
  '⻓': '长',
  '⻚': '页',
  '⻅': '见',
  '⻛': '风',
  '⻋': '车',
  '⻔': '门',
  '⻆': '角',
  '⻢': '马',
  '⻘': '青',
  '⻝': '食',
  '⻜': '飞',
  '⻩': '黄',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻬': '齐',
  '⻉': '贝',
  '⻄': '西',
  '⻊': '足',
  '⻣': '骨',
  '⻨': '麦',
  '⻰': '龙',
  '⻳': '龟',
  '⺟': '母',
  '⻖': '阝',
  '⻒': '镸',
  '⻑': '長',
  '⻯': '齿',
  '⻮': '齿',
  '⻙': '韦',
  '⻇': '网',
  '⺩': '王',
  '⻈': '讠',
  '⻍': '辶',
  '⻌': '辶',
  '⻤': '鬼',
  '⻭': '齿',
};

/** Folds compatibility ideographs and full-width digits to the characters a reader sees. */
export function foldText(text: string): string {
  return text
    .replace(/[\u2f00-\u2fdf\uf900-\ufaff]/g, (c) => c.normalize('NFKC'))
    .replace(/[\u2e80-\u2eff]/g, (c) => RADICALS_SUPPLEMENT[c] ?? c)
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.');
}

// Page furniture of printed reports: `- 1 -`, `第 1 页`, `1 / 5`, `第1页 共5页`.
const PAGE_FURNITURE = [
  /^[-—–]\s*\d{1,3}\s*[-—–]$/,
  /^第\s*\d{1,3}\s*页(\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?$/,
  /^\d{1,3}\s*[/／]\s*\d{1,3}$/,
];

export function isPageFurniture(raw: string): boolean {
  const t = raw.trim();
  return PAGE_FURNITURE.some((p) => p.test(t));
}

const FIGURE_TOKEN = /^([+\-−]?\d[\d,，]*(\.\d+)?|[/／]|—|–)$/;

/** Splits a line of extracted text into cells: each figure its own cell, words between joined. */
export function plainLineCells(line: string): LineCell[] {
  const cells: LineCell[] = [];
  let words: string[] = [];
  const flush = (): void => {
    if (words.length > 0) cells.push({ text: words.join(' ') });
    words = [];
  };
  for (const token of line.trim().split(/[\s\u00a0\u3000]+/)) {
    if (token === '') continue;
    if (FIGURE_TOKEN.test(token)) {
      flush();
      cells.push({ text: token });
    } else {
      words.push(token);
    }
  }
  flush();
  return cells;
}

/** Lines of a plain text (no tab layout): text copied or extracted from a PDF. */
export function linesFromPlainText(text: string): ReportLine[] {
  return foldText(text)
    .split('\n')
    .filter((l) => l.trim() !== '' && !isPageFurniture(l))
    .map((l) => ({ raw: l.trim(), cells: plainLineCells(l) }));
}

function cleanCell(text: string): string {
  return text
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\s*\n\s*/g, '')
    .trim();
}

/**
 * Lines of the text layout (fixtures README, also what the HTML and DOCX readers produce): a tab
 * line starts a cell, other text continues it, a blank line ends the row; lines outside a row are
 * narrative.
 */
export function linesFromLayoutText(text: string): ReportLine[] {
  const out: ReportLine[] = [];
  let row: string[] | null = null;
  const endRow = (): void => {
    if (row) {
      const cells = row.map(cleanCell);
      out.push({ cells: cells.map((t) => ({ text: t })), raw: cells.filter((c) => c).join(' ') });
    }
    row = null;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      if (!row) row = [];
      row.push(line.slice(1));
    } else if (line.trim() === '') {
      endRow();
    } else if (row && row.length > 0) {
      row[row.length - 1] += `\n${line}`;
    } else if (!isPageFurniture(line)) {
      // Narrative keeps its printed spelling and indentation; matching folds it when comparing.
      out.push({ raw: line, cells: [{ text: line.trim() }] });
    }
  }
  endRow();
  return out;
}

/** A text report in either layout. */
export function linesFromText(text: string): ReportLine[] {
  const t = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  return /^\t/m.test(t) ? linesFromLayoutText(t) : linesFromPlainText(t);
}

/** A positioned text item of a PDF page (PDF user space: y grows upwards). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPageText {
  items: PdfTextItem[];
}

/**
 * Rebuilds lines from the text items of PDF pages: items whose baselines lie within a few points
 * form a line (a label and its figures sit on nearly the same baseline), items that touch form
 * one cell, a gap wider than half a character starts the next cell.
 */
export function linesFromPdfPages(pages: readonly PdfPageText[]): ReportLine[] {
  const out: ReportLine[] = [];
  for (const page of pages) {
    const items = page.items
      .filter((i) => i.str.trim() !== '')
      .map((i) => ({ ...i, str: foldText(i.str) }))
      .sort((a, b) => b.y - a.y || a.x - b.x);
    const rows: { y: number; items: PdfTextItem[] }[] = [];
    for (const item of items) {
      const tolerance = Math.max(2, Math.min(3.5, (item.height || 10) * 0.3));
      const row = rows.find((r) => Math.abs(r.y - item.y) <= tolerance);
      if (row) row.items.push(item);
      else rows.push({ y: item.y, items: [item] });
    }
    rows.sort((a, b) => b.y - a.y);
    for (const row of rows) {
      row.items.sort((a, b) => a.x - b.x);
      const cells: LineCell[] = [];
      let end = -Infinity;
      for (const item of row.items) {
        const charWidth = item.height || item.width / Math.max(1, item.str.length);
        const last = cells[cells.length - 1];
        // A label printed right up to its first figure stays two cells.
        const sameKind =
          last && FIGURE_TOKEN.test(last.text.trim()) === FIGURE_TOKEN.test(item.str.trim());
        if (last && sameKind && item.x - end < charWidth * 0.5) {
          last.text += item.str;
          last.width = item.x + item.width - (last.x ?? item.x);
        } else {
          cells.push({ text: item.str, x: item.x, width: item.width });
        }
        end = Math.max(end, item.x + item.width);
      }
      const split = cells.flatMap((c) => splitPdfCell(c));
      const raw = split.map((c) => c.text.trim()).join(' ');
      if (raw === '' || isPageFurniture(raw)) continue;
      out.push({ raw, cells: split });
    }
  }
  return out;
}

// A PDF item may hold a label and figures separated by spaces ("规章 0 0 0"): split it as text.
function splitPdfCell(cell: LineCell): LineCell[] {
  const parts = plainLineCells(cell.text);
  if (parts.length <= 1) return [{ ...cell, text: cell.text.trim() }];
  const total = cell.text.length || 1;
  let offset = 0;
  return parts.map((p) => {
    const at = cell.text.indexOf(p.text.split(' ')[0] ?? p.text, offset);
    offset = at >= 0 ? at + p.text.length : offset;
    const share = (cell.width ?? 0) / total;
    return {
      text: p.text,
      x: (cell.x ?? 0) + Math.max(0, at) * share,
      width: p.text.length * share,
    };
  });
}

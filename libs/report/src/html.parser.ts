import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';
import { type ParsedReport, type ParseOptions, parseReportText } from './text.parser';

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'body',
  'html',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'header',
  'footer',
  'main',
  'blockquote',
  'pre',
]);
const SKIP = new Set(['script', 'style', 'head', 'title']);

function collect(node: Node, lines: string[], buffer: { text: string }): void {
  const flush = (): void => {
    const t = buffer.text.replace(/[ \t\r\n]+/g, ' ').trim();
    if (t !== '') lines.push(t);
    buffer.text = '';
  };
  if (node.nodeType === NodeType.TEXT_NODE) {
    buffer.text += node.text;
    return;
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return;
  const element = node as HTMLElement;
  const tag = element.rawTagName?.toLowerCase() ?? '';
  if (SKIP.has(tag)) return;
  if (tag === 'br') {
    flush();
    return;
  }
  if (tag === 'table') {
    flush();
    lines.push(...tableLines(element), '');
    return;
  }
  const block = BLOCK.has(tag);
  if (block) flush();
  for (const child of element.childNodes) collect(child, lines, buffer);
  if (block) flush();
}

function cellText(cell: HTMLElement): string {
  const lines: string[] = [];
  const buffer = { text: '' };
  for (const child of cell.childNodes) collect(child, lines, buffer);
  const t = buffer.text.replace(/[ \t\r\n]+/g, ' ').trim();
  if (t !== '') lines.push(t);
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/** A table in the text layout: each cell on a tab line, a blank line after each row. */
function tableLines(table: HTMLElement): string[] {
  const out: string[] = [];
  const rows = table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  for (const tr of rows) {
    const cells = tr.childNodes.filter(
      (n): n is HTMLElement =>
        n.nodeType === NodeType.ELEMENT_NODE &&
        ['td', 'th'].includes((n as HTMLElement).rawTagName?.toLowerCase() ?? ''),
    );
    if (cells.length === 0) continue;
    for (const c of cells) out.push(`\t${cellText(c)}`);
    out.push('');
  }
  return out;
}

/** Flattens an HTML report (paragraphs and tables) into the text layout the text parser reads. */
export function htmlToReportText(html: string): string {
  const root = parse(html, { blockTextElements: { script: false, style: false } });
  const lines: string[] = [];
  const buffer = { text: '' };
  collect(root, lines, buffer);
  const t = buffer.text.trim();
  if (t !== '') lines.push(t);
  return lines.join('\n') + '\n';
}

/** Parses a published report's HTML: its tables are read cell by cell, merged cells included. */
export function parseReportHtml(html: string, options: ParseOptions = {}): ParsedReport {
  return parseReportText(htmlToReportText(html), options);
}

import { foldText } from './report-lines';

const NUMBERING =
  /^([一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|\d{1,2}\s*[.、．)）])\s*/;

/** Strips a leading 1. / 1、 / （一） / 一、 numbering from a printed label. */
export function stripNumbering(label: string): string {
  return label.trim().replace(NUMBERING, '');
}

/** A label reduced to the characters that carry meaning: no spaces, punctuation or numbering. */
export function labelKey(text: string): string {
  return foldText(text)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[，,。.．、；;：:“”"'‘’「」『』（）()《》〈〉【】[\]·\-—–_…!！?？]/g, '');
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  if (text.length === 1) out.add(text);
  return out;
}

// The table reader compares each printed row with every official label: the labels' pairs are
// computed once, and the pairs of the printed text once for all the labels it is compared with.
const officialPairs = new Map<string, Set<string>>();
let lastPrinted = '';
let lastPrintedPairs = new Set<string>();

/**
 * How much of an official label the printed text contains: the share of the label's character
 * pairs found in the text (1 when the text contains the label, whatever surrounds it). Tolerates
 * a misprinted or dropped character, labels broken over lines and cells, other numbering.
 */
export function labelRecall(printed: string, official: string): number {
  let want = officialPairs.get(official);
  if (!want) {
    want = bigrams(labelKey(stripNumbering(official)));
    // Official labels and their variants are a fixed list; the bound only guards odd callers.
    if (officialPairs.size < 4096) officialPairs.set(official, want);
  }
  if (want.size === 0) return 0;
  if (printed !== lastPrinted) {
    lastPrinted = printed;
    lastPrintedPairs = bigrams(labelKey(printed));
  }
  const have = lastPrintedPairs;
  let hit = 0;
  for (const b of want) if (have.has(b)) hit++;
  return hit / want.size;
}

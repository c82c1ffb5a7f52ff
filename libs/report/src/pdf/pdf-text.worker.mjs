// Runs pdf.js (an ES module) in a worker thread: the CommonJS CLI and the Jest VM cannot import
// it directly, a hostile PDF cannot block the caller (it is terminated on timeout), and several
// PDFs of a folder are read in parallel.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const pdfjsMain = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
const root = join(dirname(pdfjsMain), '..', '..');
const pdfjsPromise = import(pdfjsMain);
const MAX_PAGES = 300;

async function extract(data) {
  const pdfjs = await pdfjsPromise;
  const task = pdfjs.getDocument({
    data,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
  });
  const doc = await task.promise;
  try {
    const pages = [];
    const count = Math.min(doc.numPages, MAX_PAGES);
    for (let p = 1; p <= count; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, c, d, e, f] = item.transform;
        // Rotated text (page stamps, vertical captions) is not part of a table row.
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue;
        items.push({
          str: item.str,
          x: e,
          y: f,
          width: item.width,
          height: item.height || Math.abs(d),
        });
      }
      pages.push({ items });
      page.cleanup();
    }
    return { pages, numPages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

// Jobs are sent once pdf.js is loaded, so that a job's time limit measures the PDF, not start-up.
pdfjsPromise.then(
  () => parentPort.postMessage({ ready: true }),
  (error) => parentPort.postMessage({ ready: false, message: String(error && error.message) }),
);

parentPort.on('message', async ({ id, data }) => {
  try {
    const result = await extract(new Uint8Array(data));
    parentPort.postMessage({ id, ok: true, ...result });
  } catch (error) {
    const name = error && error.name ? String(error.name) : 'Error';
    parentPort.postMessage({ id, ok: false, name, message: String(error && error.message) });
  }
});

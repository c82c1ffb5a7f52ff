import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfTextPool } from './pdf-text.pool';

describe('PdfTextPool when its worker cannot start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['its script is missing', join(dir, 'missing.mjs')],
    ['its script throws on load', join(dir, 'throws.mjs')],
  ])(
    '%s: every PDF fails with one clear message instead of respawning workers',
    async (_, script) => {
      writeFileSync(join(dir, 'throws.mjs'), "throw new Error('cannot load');\n");
      const pool = new PdfTextPool(2, script);
      try {
        const pdfs = [1, 2, 3].map(() => pool.extract(Buffer.from('%PDF-1.4\n')));
        for (const pdf of pdfs) await expect(pdf).rejects.toThrow('PDF 读取组件无法加载');
        await expect(pool.extract(Buffer.from('%PDF-1.4\n'))).rejects.toThrow(
          'PDF 读取组件无法加载',
        );
      } finally {
        await pool.close();
      }
    },
  );
});

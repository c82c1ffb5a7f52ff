import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runCli } from '../testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-lint-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdf(content: string): string {
  // A minimal PDF; pdf.js rebuilds the missing cross-reference table.
  return [
    '%PDF-1.4',
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
    `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>endobj`,
    `4 0 obj<</Length ${content.length}>>stream\n${content}\nendstream endobj`,
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj',
    'trailer<</Root 1 0 R>>',
    '%%EOF',
  ].join('\n');
}

/** One clear Chinese line on stderr, nothing on stdout, exit 1, no stack trace. */
async function expectRefused(file: string, message: RegExp): Promise<void> {
  const { code, stdout, stderr } = await runCli('lint', file);
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr).toMatch(message);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('gongkai lint on files that are not reports', () => {
  const write = (name: string, content: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('a scanned PDF (no text)', () =>
    expectRefused(write('scan.pdf', pdf('')), /PDF 中没有可提取的文字（可能是扫描件）/));

  it('a PDF with text that is not a report', () =>
    expectRefused(
      write('other.pdf', pdf('BT /F1 12 Tf 72 712 Td (Invoice 2024) Tj ET')),
      /找不到“三、收到和处理政府信息公开申请情况”的表格/,
    ));

  it('a damaged PDF', () =>
    expectRefused(write('broken.pdf', '%PDF-1.7\n' + 'x'.repeat(500)), /PDF/));

  it('an image, whatever its name', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expectRefused(write('scan.pdf.png.pdf', png), /文件是图片/);
    await expectRefused(
      write('photo.docx', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])),
      /文件是图片/,
    );
  });

  it('an empty file', () => expectRefused(write('empty.txt', ''), /文件为空/));

  it('a 200 MB file, refused before it is read', () => {
    const path = write('huge.html', '');
    truncateSync(path, 200 * 1024 * 1024);
    return expectRefused(path, /文件过大（200 MB）/);
  });

  it('a corrupt ZIP named .docx, and text named .docx', async () => {
    await expectRefused(
      write('corrupt.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 7)])),
      /DOCX 文件已损坏/,
    );
    await expectRefused(write('text.docx', '这不是 Word 文档'), /DOCX 文件已损坏/);
  });

  it('binary data named .txt, and broken JSON', async () => {
    await expectRefused(write('data.txt', Buffer.from([1, 2, 0, 3, 4])), /不是文本/);
    await expectRefused(write('bad.json', '{"year": 20'), /JSON 格式错误/);
  });

  it('fuzz: random bytes under any report name get exit 1 and one Chinese line', async () => {
    const prefixes = [
      '',
      '%PDF-1.4\n',
      'PK\x03\x04',
      '<html><body>',
      '\t一、本年新收政府信息公开申请数量\n',
      '{',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ minLength: 0, maxLength: 2000 }),
        fc.constantFrom('txt', 'html', 'docx', 'pdf', 'json'),
        async (prefix, bytes, ext) => {
          const path = write(`fuzz.${ext}`, Buffer.concat([Buffer.from(prefix), bytes]));
          const { code, stderr } = await runCli('lint', path);
          expect(code).toBe(1);
          expect(stderr).toMatch(/^gongkai: fuzz\.\w+：.*[\u4e00-\u9fff]/);
          expect(stderr).not.toMatch(/\n\s+at /);
        },
      ),
      { numRuns: 40 },
    );
  });
});

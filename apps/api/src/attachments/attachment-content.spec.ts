import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import {
  contentDisposition,
  contentMatches,
  sniffMediaType,
  zipEntryNames,
} from '@gongkai/application';
import { storedZip } from './attachment-fixtures.testing';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('sniffMediaType', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'],
    ['a PDF after some junk', Buffer.from('\r\n\r\n%PDF-1.4\n'), 'application/pdf'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'image/jpeg'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['a little-endian TIFF', Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'image/tiff'],
    ['a big-endian TIFF', Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), 'image/tiff'],
    ['an OFD package', storedZip(['OFD.xml', 'Doc_0/Document.xml']), 'application/ofd'],
    ['a plain ZIP', storedZip(['扫描件/申请书.pdf', 'readme.txt']), 'application/zip'],
    ['an empty ZIP', storedZip([]), 'application/zip'],
  ])('recognises %s', (_name, bytes, type) => {
    expect(sniffMediaType(bytes)).toBe(type);
  });

  it('tells a Word document from an Excel workbook by their entries', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('申请书')] }] }),
    );
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台账').addRow(['登记编号']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(sniffMediaType(docx)).toBe(DOCX);
    expect(sniffMediaType(xlsx)).toBe(XLSX);
  });

  it.each([
    ['a Windows executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00')],
    ['plain text', Buffer.from('这不是扫描件')],
    ['a ZIP header without a directory', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4])],
    ['a single byte', Buffer.from([0xff])],
  ])('does not recognise %s', (_name, bytes) => {
    expect(sniffMediaType(bytes)).toBeNull();
  });

  it('reads the entry names of a ZIP in order, UTF-8 included', () => {
    expect(zipEntryNames(storedZip(['a.txt', '附件/送达回证.pdf']))).toEqual([
      'a.txt',
      '附件/送达回证.pdf',
    ]);
  });
});

describe('contentMatches', () => {
  it('accepts the declared type, and any ZIP container declared as ZIP', () => {
    expect(contentMatches('application/pdf', 'application/pdf')).toBe(true);
    expect(contentMatches('application/zip', DOCX)).toBe(true);
    expect(contentMatches('application/zip', 'application/ofd')).toBe(true);
  });

  it('refuses a renamed file and unknown bytes', () => {
    expect(contentMatches('application/pdf', 'image/png')).toBe(false);
    expect(contentMatches(DOCX, 'application/zip')).toBe(false);
    expect(contentMatches(DOCX, XLSX)).toBe(false);
    expect(contentMatches('image/jpeg', null)).toBe(false);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII stand-in and the UTF-8 name as RFC 5987 filename*', () => {
    expect(contentDisposition('申请书（扫描件）.pdf')).toBe(
      `attachment; filename="_.pdf"; filename*=UTF-8''${encodeURIComponent('申请书（扫描件）')}.pdf`,
    );
  });

  it("percent-encodes what RFC 5987 does not allow bare: ' ( ) * and quotes", () => {
    const header = contentDisposition(`O'Brien (copy) *1* "x".pdf`);
    expect(header).toBe(
      `attachment; filename="O'Brien (copy) *1* _x_.pdf"; ` +
        `filename*=UTF-8''O%27Brien%20%28copy%29%20%2A1%2A%20%22x%22.pdf`,
    );
    // Round trip: what a browser decodes is the original name.
    const encoded = header.split("filename*=UTF-8''")[1];
    expect(decodeURIComponent(encoded)).toBe(`O'Brien (copy) *1* "x".pdf`);
  });

  it('keeps the header to characters Node will send', () => {
    expect(contentDisposition('身份证复印件.jpg')).toMatch(/^[\x20-\x7e]+$/);
  });
});

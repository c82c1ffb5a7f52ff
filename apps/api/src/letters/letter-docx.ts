import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';

/** A letter in the usual layout of official letters: centred title, 三号 body, signature right. */
export async function renderLetterDocx(input: {
  title: string;
  paragraphs: string[];
  /** The trailing paragraphs (agency, date) set flush right. */
  signatureLines: number;
}): Promise<Buffer> {
  const { title, paragraphs, signatureLines } = input;
  const bodyEnd = paragraphs.length - signatureLines;
  const doc = new Document({
    creator: '公开 Gongkai',
    title,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 32 }, paragraph: { spacing: { line: 560 } } },
      },
    },
    sections: [
      {
        properties: {
          page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [new TextRun({ text: title, font: TITLE_FONT, size: 44, bold: true })],
          }),
          ...paragraphs.map((text, i) => {
            const salutation = i === 0 || text.endsWith('：');
            const signature = i >= bodyEnd;
            return new Paragraph({
              alignment: signature ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
              indent: salutation || signature ? undefined : { firstLine: 640 },
              spacing: signature && i === bodyEnd ? { before: 600 } : undefined,
              children: [new TextRun({ text })],
            });
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

import { ATTACHMENT_MEDIA_TYPES, type AttachmentMediaType } from '@gongkai/contracts';

const PDF = 'application/pdf';
const JPEG = 'image/jpeg';
const PNG = 'image/png';
const TIFF = 'image/tiff';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const OFD = 'application/ofd';
const ZIP = 'application/zip';

/** Types that are ZIP containers: a .zip may hold any of them, they are told apart by entries. */
const ZIP_BASED: readonly string[] = [DOCX, XLSX, OFD, ZIP];

function startsWith(bytes: Buffer, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

/**
 * The entry names of a ZIP archive from its central directory, or null when the archive cannot
 * be read. Entry names are never compressed, so no inflating is needed to tell DOCX from XLSX.
 */
export function zipEntryNames(bytes: Buffer): string[] | null {
  // The end-of-central-directory record sits within the last 22 + 65535 (comment) bytes.
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * What the bytes are, by their magic numbers (and, for ZIP containers, by their entries); null
 * when they are none of the accepted types. The file name and the browser's type are not looked at.
 */
export function sniffMediaType(bytes: Buffer): AttachmentMediaType | null {
  // ISO 32000: the header may follow some bytes of junk, within the first 1024.
  if (bytes.subarray(0, 1024).includes('%PDF-')) return PDF;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  // Little- and big-endian TIFF, and BigTIFF.
  if (
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])
  )
    return TIFF;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(bytes);
    if (!names) return null;
    const has = (name: string) => names.includes(name);
    const under = (prefix: string) => names.some((n) => n.startsWith(prefix));
    // GB/T 33190: the OFD entry file is OFD.xml at the root of the package.
    if (has('OFD.xml')) return OFD;
    if (has('[Content_Types].xml') && under('word/')) return DOCX;
    if (has('[Content_Types].xml') && under('xl/')) return XLSX;
    return ZIP;
  }
  return null;
}

/** Whether bytes of type `sniffed` may be filed as `declared` (a .zip may hold an Office file). */
export function contentMatches(declared: string, sniffed: AttachmentMediaType | null): boolean {
  if (sniffed === null) return false;
  if (declared === sniffed) return true;
  return declared === ZIP && ZIP_BASED.includes(sniffed);
}

export function mediaTypeLabel(mediaType: string | null): string {
  return ATTACHMENT_MEDIA_TYPES.find((t) => t.mediaType === mediaType)?.label ?? '无法识别的格式';
}

/** RFC 5987 ext-value characters: what encodeURIComponent leaves alone, minus ' ( ) *. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment` with the name twice (RFC 6266): an ASCII stand-in for old clients, and the real
 * (usually Chinese) name as UTF-8 in `filename*`, which every current browser prefers.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\%]/g, '_') || 'attachment';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

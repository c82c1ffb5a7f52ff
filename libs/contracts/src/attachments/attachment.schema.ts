import { z } from 'zod';
import { requiredText, text } from '../cases/common.schema';

/**
 * What a clerk files with a case: the scanned application (Art. 29), the applicant's identity
 * document, 补正 materials (Art. 30), the signed 送达回证, anything else. The kind says what the
 * file is evidence of; the label is what the desk and the case file show.
 */
export const ATTACHMENT_KINDS = [
  { code: 'application_form', label: '申请书', labelEn: 'Application form' },
  { code: 'identity_document', label: '身份证明', labelEn: 'Identity document' },
  { code: 'supplement', label: '补正材料', labelEn: 'Supplement materials' },
  { code: 'service_receipt', label: '送达回证', labelEn: 'Service receipt' },
  { code: 'other', label: '其他材料', labelEn: 'Other' },
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]['code'];
export const ATTACHMENT_KIND_CODES: readonly AttachmentKind[] = ATTACHMENT_KINDS.map((k) => k.code);

export function attachmentKindLabel(code: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const kind = ATTACHMENT_KINDS.find((k) => k.code === code);
  if (!kind) return code;
  return locale === 'en' ? kind.labelEn : kind.label;
}

/**
 * The file types a case file may hold, with the extensions each may carry. OFD is the national
 * fixed-layout format (GB/T 33190) many agencies scan and sign to.
 */
export const ATTACHMENT_MEDIA_TYPES = [
  { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  { mediaType: 'image/png', extensions: ['png'], label: 'PNG' },
  { mediaType: 'image/tiff', extensions: ['tif', 'tiff'], label: 'TIFF' },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (DOCX)',
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (XLSX)',
  },
  { mediaType: 'application/ofd', extensions: ['ofd'], label: 'OFD' },
  { mediaType: 'application/zip', extensions: ['zip'], label: 'ZIP' },
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number]['mediaType'];
export const ATTACHMENT_MEDIA_TYPE_CODES: readonly AttachmentMediaType[] =
  ATTACHMENT_MEDIA_TYPES.map((t) => t.mediaType);

/** 20 MB decoded: a multi-page colour scan; larger bundles go in several uploads. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The media type a file name stands for; browsers report none for .ofd and
 * `application/x-zip-compressed` for .zip on Windows, so the desk goes by the extension.
 */
export function attachmentMediaTypeOf(fileName: string): AttachmentMediaType | null {
  const ext = fileExtension(fileName);
  return (
    ATTACHMENT_MEDIA_TYPES.find((t) => (t.extensions as readonly string[]).includes(ext))
      ?.mediaType ?? null
  );
}

/** The accept attribute of the desk's file pickers. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_MEDIA_TYPES.flatMap((t) =>
  t.extensions.map((e) => `.${e}`),
).join(',');

const fileName = requiredText(255, '文件名').refine(
  // A path or a control character in a name would follow the file into every download.
  // eslint-disable-next-line no-control-regex
  (s) => !/[\\/\u0000-\u001f\u007f]/.test(s),
  '文件名不能包含路径分隔符或控制字符',
);

/**
 * POST /api/cases/:id/attachments: one file as base64 in JSON (the body limit of the API is 30 MB,
 * so 20 MB decoded fits). The size limit itself is checked after decoding, as a 413.
 */
export const uploadAttachmentSchema = z.object({
  fileName,
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPE_CODES as [string, ...string[]], {
    error: `不支持的文件类型，只能上传 ${ATTACHMENT_MEDIA_TYPES.map((t) => t.label).join('、')}`,
  }),
  contentBase64: z.base64('文件内容应以 base64 编码上传').min(1, '文件为空，请选择有内容的文件'),
  kind: z.enum(ATTACHMENT_KIND_CODES as [string, ...string[]], {
    error: `未知的附件类别，应为：${ATTACHMENT_KINDS.map((k) => `${k.code}（${k.label}）`).join('、')}`,
  }),
  note: text(500, '备注').optional(),
});
export type UploadAttachmentRequest = z.infer<typeof uploadAttachmentSchema>;

/** POST /api/cases/:id/attachments/:attachmentId/withdraw: the file stays, marked withdrawn. */
export const withdrawAttachmentSchema = z.object({
  reason: requiredText(500, '撤回原因'),
});
export type WithdrawAttachmentRequest = z.infer<typeof withdrawAttachmentSchema>;

export interface AttachmentPerson {
  id: string;
  displayName: string | null;
}

/** An attachment as listed: everything but the content, which has its own download route. */
export interface AttachmentView {
  id: string;
  caseId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** SHA-256 of the content, hex; also in the journal row that recorded the upload. */
  sha256: string;
  kind: string;
  kindLabel: string;
  note: string | null;
  uploadedBy: AttachmentPerson;
  uploadedAt: string;
  /** Withdrawn attachments stay listed and downloadable: the auditor sees what was filed. */
  withdrawn: { at: string; by: AttachmentPerson; reason: string } | null;
}

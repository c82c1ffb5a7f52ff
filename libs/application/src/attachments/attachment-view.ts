import { attachmentKindLabel, type AttachmentView } from '@gongkai/contracts';
import { CaseError, type AttachmentRow } from '@gongkai/persistence';

export function attachmentView(r: AttachmentRow): AttachmentView {
  return {
    id: r.id,
    caseId: r.case_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    kind: r.kind,
    kindLabel: attachmentKindLabel(r.kind),
    note: r.note,
    uploadedBy: { id: r.uploaded_by, displayName: r.uploaded_by_name },
    uploadedAt: new Date(r.uploaded_at).toISOString(),
    withdrawn:
      r.withdrawn_at && r.withdrawn_by
        ? {
            at: new Date(r.withdrawn_at).toISOString(),
            by: { id: r.withdrawn_by, displayName: r.withdrawn_by_name },
            reason: r.withdrawal_reason ?? '',
          }
        : null,
  };
}

export const attachmentNotFound = () =>
  new CaseError('not_found', 'attachment_not_found', '附件不存在');

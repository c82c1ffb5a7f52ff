/** One row of GET /api/journal as the audit specs use it; fields overridable. */
export const journalSearchRow = (over: Record<string, unknown> = {}) => ({
  caseId: 'c1',
  caseRef: '2025-0007',
  agencyId: 'a1',
  seq: 4,
  type: 'APPROVE_DECISION',
  label: '审批同意',
  machineEvent: true,
  actor: { id: 'u2', displayName: '王负责', role: 'leader' },
  recordedAt: '2025-06-30T02:00:00.000Z',
  on: '2025-06-30',
  basis: null,
  summary: '意见：同意公开',
  ...over,
});

/** One row of GET /api/attachment-downloads as the audit specs use it; fields overridable. */
export const attachmentDownloadRow = (over: Record<string, unknown> = {}) => ({
  id: '12',
  caseId: 'c1',
  caseRef: '2025-0007',
  attachmentId: 'f1',
  fileName: '身份证复印件.png',
  kind: 'identity_document',
  kindLabel: '身份证明',
  user: { id: 'u2', displayName: '王负责' },
  downloadedAt: '2025-06-30T02:00:00.000Z',
  ...over,
});

import { defineMessages } from '@gongkai/ui';

export const attachmentDownloadsMessages = defineMessages(
  {
    tab: '附件查阅记录',
    intro:
      '每次下载案件附件（含身份证明扫描件）都会记录下载人和时间，记录不可修改或删除。最新的在前，时间为北京时间。',
    downloadedAt: '下载时间',
    caseRef: '案件',
    attachment: '附件',
    user: '下载人',
    total: '共 {n} 条',
  },
  {
    tab: 'Attachment downloads',
    intro:
      'Every download of a case attachment (identity scans included) is recorded with who and when, and cannot be changed or removed. Newest first, Beijing time.',
    downloadedAt: 'Downloaded at',
    caseRef: 'Case',
    attachment: 'Attachment',
    user: 'Downloaded by',
    total: '{n} in all',
  },
);

import { attachmentKindLabel, type AttachmentDownloadRow, type Page } from '@gongkai/contracts';
import { formatMessage, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { serverMessage } from '../common/server-messages';
import { useServerPaging } from '../common/server-paging';
import { shanghaiTime } from '../common/today';
import { attachmentDownloadsMessages } from './attachment-downloads.messages';
import { CaseRef } from './case-ref';

/**
 * 附件查阅记录：谁在何时下载了哪一件的哪个附件，最新在前，由 API 分页。管理员能看记录却不能打开
 * 案件，所以对其 `caseLinks` 为假，案号只显示文字。
 * Who downloaded which attachment of which case, newest first, paged by the API. `caseLinks` is
 * off for roles that may read the records but not open a case (administrators).
 */
export function AttachmentDownloads({ caseLinks = true }: { caseLinks?: boolean }) {
  const t = useMessages(attachmentDownloadsMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const { paging, pagination } = useServerPaging((n) => formatMessage(t.total, { n }));
  const result = useQuery({
    queryKey: ['audit', 'attachment-downloads', paging],
    queryFn: () =>
      client.get<Page<AttachmentDownloadRow>>('/attachment-downloads', { query: paging }),
    placeholderData: keepPreviousData,
  });

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {result.isError ? (
        <Alert
          type="error"
          showIcon
          title={serverMessage(result.error, locale)}
          style={{ marginBottom: 16 }}
          data-testid="attachment-downloads-error"
        />
      ) : null}
      <Table<AttachmentDownloadRow>
        size="small"
        data-testid="attachment-downloads"
        rowKey="id"
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        pagination={pagination(result.data?.total ?? 0)}
        columns={[
          {
            title: t.downloadedAt,
            dataIndex: 'downloadedAt',
            width: 170,
            render: (v: string) => shanghaiTime(v, locale),
          },
          {
            title: t.caseRef,
            dataIndex: 'caseRef',
            width: 140,
            render: (ref: string, r) => (
              <CaseRef caseId={r.caseId} caseRef={ref} link={caseLinks} />
            ),
          },
          {
            title: t.attachment,
            dataIndex: 'fileName',
            render: (name: string, r) => (
              <Space size={4}>
                <Tag>{locale === 'en' ? attachmentKindLabel(r.kind, locale) : r.kindLabel}</Tag>
                <span>{name}</span>
              </Space>
            ),
          },
          {
            title: t.user,
            key: 'user',
            width: 160,
            render: (_, r) => r.user.displayName ?? r.user.id,
          },
        ]}
      />
    </Card>
  );
}

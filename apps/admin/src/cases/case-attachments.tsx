import {
  DeleteOutlined,
  DownloadOutlined,
  InboxOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_KINDS,
  ATTACHMENT_MAX_BYTES,
  attachmentKindLabel,
  attachmentMediaTypeOf,
  type AttachmentKind,
  type AttachmentView,
} from '@gongkai/contracts';
import {
  formatMessage,
  useApiClient,
  useLocale,
  useMessages,
  type ApiClient,
  type Locale,
} from '@gongkai/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { hasRole } from '../auth/desk-user';
import { useDeskUser } from '../auth/session.context';
import { saveBlob } from '../common/download';
import { attachmentsMessages } from './attachments.messages';
import { caseKey, timelineKey } from './case.queries';
import { shanghaiTime } from '../common/today';
import { serverMessage, useServerMessage } from '../common/server-messages';

type Messages = (typeof attachmentsMessages)['zh-CN'];

export const attachmentsKey = (caseId: string) => ['case', caseId, 'attachments'] as const;

export function useAttachments(caseId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: attachmentsKey(caseId),
    queryFn: () => client.get<AttachmentView[]>(`/cases/${caseId}/attachments`),
  });
}

function kindOptions(locale: Locale) {
  return ATTACHMENT_KINDS.map((k) => ({
    value: k.code,
    label: locale === 'en' ? k.labelEn : k.label,
  }));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The clerk's own check before sending 20 MB over the wire; the API checks again, by content. */
export function attachmentFileProblem(file: File, t: Messages): string | null {
  if (!attachmentMediaTypeOf(file.name)) return formatMessage(t.unsupported, { name: file.name });
  if (file.size > ATTACHMENT_MAX_BYTES) return formatMessage(t.tooLarge, { name: file.name });
  return null;
}

function toBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}

/** POST /api/cases/:id/attachments with the file as base64; the type goes by the extension. */
export async function uploadAttachment(
  client: ApiClient,
  caseId: string,
  file: File,
  kind: AttachmentKind,
  note?: string,
): Promise<AttachmentView> {
  return client.post<AttachmentView>(`/cases/${caseId}/attachments`, {
    fileName: file.name,
    mediaType: attachmentMediaTypeOf(file.name) ?? file.type,
    contentBase64: await toBase64(file),
    kind,
    note: note?.trim() || undefined,
  });
}

const NOTE_TYPES = new Set(['ATTACHMENT_ADDED', 'ATTACHMENT_WITHDRAWN']);

export function isAttachmentNote(type: string): boolean {
  return NOTE_TYPES.has(type);
}

/** What an attachment note records: the file, never its content. */
export function AttachmentNoteDetail({ payload }: { payload: Record<string, unknown> }) {
  const t = useMessages(attachmentsMessages);
  const { locale } = useLocale();
  const sha = typeof payload['sha256'] === 'string' ? payload['sha256'] : '';
  return (
    <div data-testid="attachment-note">
      <Typography.Text type="secondary">
        {attachmentKindLabel(String(payload['kind'] ?? ''), locale)}：{String(payload['fileName'])}
        {typeof payload['sizeBytes'] === 'number' ? `（${formatBytes(payload['sizeBytes'])}）` : ''}
      </Typography.Text>
      {sha ? (
        <div>
          <Typography.Text type="secondary" title={sha}>
            {t.sha256}：{sha.slice(0, 16)}…
          </Typography.Text>
        </div>
      ) : null}
      {payload['reason'] ? (
        <div>
          <Typography.Text type="secondary">
            {t.reason}：{String(payload['reason'])}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}

/** 附件 on the case page: upload (clerks of the case's agency), list, download, withdraw. */
export function CaseAttachments({ caseId, agencyId }: { caseId: string; agencyId: string }) {
  const t = useMessages(attachmentsMessages);
  const { locale } = useLocale();
  const user = useDeskUser();
  const client = useApiClient();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const attachments = useAttachments(caseId);
  const [kind, setKind] = useState<AttachmentKind>('application_form');
  const [note, setNote] = useState('');
  const [uploading, setUploading] = useState(0);
  const canWrite = hasRole(user, 'clerk') && user.writeAgencyIds.includes(agencyId);

  // Each upload and withdrawal adds a journal row and moves the case's version on.
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: attachmentsKey(caseId) });
    void queries.invalidateQueries({ queryKey: caseKey(caseId), exact: true });
    void queries.invalidateQueries({ queryKey: timelineKey(caseId) });
  };

  const upload = async (file: File) => {
    const problem = attachmentFileProblem(file, t);
    if (problem) {
      void message.error(problem);
      return;
    }
    setUploading((n) => n + 1);
    try {
      await uploadAttachment(client, caseId, file, kind, note);
      void message.success(formatMessage(t.uploaded, { name: file.name }));
      setNote('');
    } catch (error) {
      void message.error(serverMessage(error, locale));
    } finally {
      setUploading((n) => n - 1);
      refresh();
    }
  };

  const download = async (a: AttachmentView) => {
    try {
      saveBlob(await client.blob(`/cases/${caseId}/attachments/${a.id}/content`), a.fileName);
    } catch (error) {
      void message.error(serverMessage(error, locale));
    }
  };

  const at = (iso: string) => shanghaiTime(iso, locale);

  return (
    <Card title={t.title} style={{ marginBottom: 16 }} data-testid="case-attachments">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t.intro}</Typography.Text>
        {canWrite ? (
          <>
            <Space wrap>
              <Select<AttachmentKind>
                showSearch
                optionFilterProp="label"
                aria-label={t.kind}
                value={kind}
                onChange={setKind}
                options={kindOptions(locale)}
                style={{ minWidth: 160 }}
              />
              <Input
                aria-label={t.note}
                placeholder={t.notePlaceholder}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={500}
                style={{ minWidth: 280 }}
              />
            </Space>
            <Upload.Dragger
              accept={ATTACHMENT_ACCEPT}
              multiple
              showUploadList={false}
              disabled={uploading > 0}
              beforeUpload={(file) => {
                void upload(file);
                return Upload.LIST_IGNORE;
              }}
              data-testid="attachment-dropzone"
            >
              <p className="ant-upload-drag-icon">{uploading > 0 ? <Spin /> : <InboxOutlined />}</p>
              <p className="ant-upload-text">{t.drop}</p>
              <p className="ant-upload-hint">{t.dropHint}</p>
            </Upload.Dragger>
          </>
        ) : null}
        {attachments.isError ? (
          <Alert type="error" showIcon title={serverMessage(attachments.error, locale)} />
        ) : (
          <Table<AttachmentView>
            size="small"
            rowKey="id"
            pagination={false}
            loading={attachments.isPending}
            dataSource={attachments.data ?? []}
            locale={{ emptyText: t.empty }}
            data-testid="attachment-list"
            columns={[
              {
                title: t.fileName,
                key: 'file',
                render: (_, a) => (
                  <div data-testid="attachment-row">
                    <Space size={4} wrap>
                      <Tag>{attachmentKindLabel(a.kind, locale)}</Tag>
                      <Typography.Text delete={!!a.withdrawn} data-testid="attachment-name">
                        {a.fileName}
                      </Typography.Text>
                      {a.withdrawn ? <Tag color="default">{t.withdrawn}</Tag> : null}
                    </Space>
                    {a.note ? (
                      <div>
                        <Typography.Text type="secondary">{a.note}</Typography.Text>
                      </div>
                    ) : null}
                    {a.withdrawn ? (
                      <div>
                        <Typography.Text type="secondary">
                          {formatMessage(t.withdrawnDetail, {
                            by: a.withdrawn.by.displayName ?? a.withdrawn.by.id,
                            at: at(a.withdrawn.at),
                            reason: a.withdrawn.reason,
                          })}
                        </Typography.Text>
                      </div>
                    ) : null}
                  </div>
                ),
              },
              {
                title: t.size,
                dataIndex: 'sizeBytes',
                render: (v: number) => formatBytes(v),
              },
              {
                title: t.uploadedBy,
                key: 'uploaded',
                render: (_, a) => (
                  <>
                    <div>{a.uploadedBy.displayName ?? a.uploadedBy.id}</div>
                    <Typography.Text type="secondary">{at(a.uploadedAt)}</Typography.Text>
                  </>
                ),
              },
              {
                title: t.actions,
                key: 'actions',
                render: (_, a) => (
                  <Space size={0} wrap>
                    <Button
                      type="link"
                      size="small"
                      icon={<DownloadOutlined />}
                      onClick={() => void download(a)}
                    >
                      {t.download}
                    </Button>
                    {canWrite && !a.withdrawn ? (
                      <WithdrawButton caseId={caseId} attachment={a} onDone={refresh} />
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}

function WithdrawButton({
  caseId,
  attachment,
  onDone,
}: {
  caseId: string;
  attachment: AttachmentView;
  onDone: () => void;
}) {
  const t = useMessages(attachmentsMessages);
  const errorText = useServerMessage();
  const client = useApiClient();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const withdraw = async () => {
    try {
      await client.post(`/cases/${caseId}/attachments/${attachment.id}/withdraw`, {
        reason: reason.trim(),
      });
      void message.success(formatMessage(t.withdrawnOk, { name: attachment.fileName }));
      setReason('');
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      onDone();
    }
  };
  return (
    <Popconfirm
      title={t.withdrawReason}
      description={
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-label={t.withdrawReason}
          maxLength={500}
          rows={2}
        />
      }
      // The API refuses a withdrawal without a reason; the button waits for one.
      okButtonProps={{ disabled: !reason.trim(), title: t.withdrawReasonRequired }}
      onConfirm={() => void withdraw()}
    >
      <Button type="link" size="small" danger icon={<RollbackOutlined />}>
        {t.withdraw}
      </Button>
    </Popconfirm>
  );
}

/** A file chosen on the registration form, uploaded once the case exists. */
export interface PendingAttachment {
  uid: string;
  file: File;
  kind: AttachmentKind;
}

/** The registration form's file chooser: files and their kinds, nothing sent yet. */
export function PendingAttachments({
  value,
  onChange,
}: {
  value: PendingAttachment[];
  onChange: (next: PendingAttachment[]) => void;
}) {
  const t = useMessages(attachmentsMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const chosen: PendingAttachment[] = [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="pending-attachments">
      <Upload.Dragger
        accept={ATTACHMENT_ACCEPT}
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          const problem = attachmentFileProblem(file, t);
          if (problem) void message.error(problem);
          else {
            // antd calls this once per file of one drop before React re-renders.
            chosen.push({ uid: file.uid, file, kind: 'application_form' });
            onChange([...value, ...chosen]);
          }
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t.choose}</p>
        <p className="ant-upload-hint">{t.dropHint}</p>
      </Upload.Dragger>
      {value.length ? (
        <List
          size="small"
          dataSource={value}
          renderItem={(p) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="link"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`${t.remove} ${p.file.name}`}
                  onClick={() => onChange(value.filter((v) => v.uid !== p.uid))}
                >
                  {t.remove}
                </Button>,
              ]}
            >
              <Space wrap>
                <Select<AttachmentKind>
                  showSearch
                  optionFilterProp="label"
                  aria-label={`${t.kind} ${p.file.name}`}
                  value={p.kind}
                  onChange={(kind) =>
                    onChange(value.map((v) => (v.uid === p.uid ? { ...v, kind } : v)))
                  }
                  options={kindOptions(locale)}
                  style={{ minWidth: 140 }}
                />
                <span data-testid="pending-attachment">{p.file.name}</span>
                <Typography.Text type="secondary">{formatBytes(p.file.size)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Space>
  );
}

/**
 * Uploads the files chosen at registration, one after another; returns the names that failed
 * (the case exists by then, so a failed file is re-uploaded on the case page, not re-registered).
 */
export async function uploadPending(
  client: ApiClient,
  caseId: string,
  pending: readonly PendingAttachment[],
): Promise<string[]> {
  const failed: string[] = [];
  for (const p of pending) {
    try {
      await uploadAttachment(client, caseId, p.file, p.kind);
    } catch {
      failed.push(p.file.name);
    }
  }
  return failed;
}

import { EyeOutlined, FileWordOutlined } from '@ant-design/icons';
import type { ApplicableLettersResponse, LetterPreviewResponse } from '@gongkai/contracts';
import { useApiClient, useMessages } from '@gongkai/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { saveBlob } from '../common/download';
import { useServerMessage } from '../common/server-messages';
import { detailMessages } from './detail.messages';

/** The letters the API generates (apps/api/src/letters), in the order a case needs them. */
export const LETTER_KINDS = [
  { kind: 'receipt', key: 'kindReceipt' },
  { kind: 'supplement', key: 'kindSupplement' },
  { kind: 'extension', key: 'kindExtension' },
  { kind: 'consultation', key: 'kindConsultation' },
  { kind: 'fee', key: 'kindFee' },
  { kind: 'decision', key: 'kindDecision' },
  { kind: 'service', key: 'kindService' },
  { kind: 'termination', key: 'kindTermination' },
] as const;

/** The letter as the applicant would read it; drafts can be reviewed before approval. */
export function LetterPreview({
  caseId,
  kind,
  onClose,
}: {
  caseId: string;
  kind: string | undefined;
  onClose: () => void;
}) {
  const t = useMessages(detailMessages);
  const errorText = useServerMessage();
  const client = useApiClient();
  const preview = useQuery({
    queryKey: ['case', caseId, 'letter', kind],
    queryFn: () => client.get<LetterPreviewResponse>(`/cases/${caseId}/letters/${kind}/preview`),
    enabled: !!kind,
  });
  return (
    <Modal
      open={!!kind}
      title={t.previewTitle}
      footer={null}
      onCancel={onClose}
      width={760}
      destroyOnHidden
    >
      {preview.isError ? <Alert type="error" showIcon title={errorText(preview.error)} /> : null}
      {preview.isPending ? <Spin /> : null}
      {preview.data ? (
        <article aria-label={preview.data.title} data-testid="letter-preview">
          {preview.data.draft ? (
            <Alert type="warning" showIcon title={t.draftPreview} style={{ marginBottom: 16 }} />
          ) : null}
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {preview.data.title}
          </Typography.Title>
          {preview.data.paragraphs.map((p, i) => (
            <Typography.Paragraph key={i} style={{ textIndent: i === 0 ? 0 : '2em' }}>
              {p}
            </Typography.Paragraph>
          ))}
        </article>
      ) : null}
    </Modal>
  );
}

export function CaseLetters({
  caseId,
  caseRef,
  version,
}: {
  caseId: string;
  caseRef: string;
  /** Refetches the applicable letters when the case changes. */
  version?: number;
}) {
  const t = useMessages(detailMessages);
  const errorText = useServerMessage();
  const client = useApiClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const [previewing, setPreviewing] = useState<string>();
  const applicable = useQuery({
    queryKey: ['case', caseId, 'letters', version],
    queryFn: () => client.get<ApplicableLettersResponse>(`/cases/${caseId}/letters`),
  });
  const kinds = LETTER_KINDS.filter(({ kind }) => applicable.data?.kinds.includes(kind));

  const download = async (kind: string, title: string) => {
    setBusy(kind);
    try {
      const blob = await client.blob(`/cases/${caseId}/letters/${kind}`);
      saveBlob(blob, `${caseRef}-${title}.docx`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t.lettersIntro}</Typography.Text>
      {applicable.isError ? (
        <Alert type="error" showIcon title={errorText(applicable.error)} />
      ) : null}
      {applicable.data && kinds.length === 0 ? (
        <Typography.Text type="secondary">{t.noLetters}</Typography.Text>
      ) : null}
      {kinds.map(({ kind, key }) => (
        <Space key={kind} wrap>
          <Button
            icon={<FileWordOutlined />}
            loading={busy === kind}
            data-testid={`letter-${kind}`}
            onClick={() => void download(kind, t[key])}
          >
            {t[key]}
          </Button>
          <Button
            type="link"
            icon={<EyeOutlined />}
            data-testid={`letter-preview-${kind}`}
            aria-label={`${t.preview}${t[key]}`}
            onClick={() => setPreviewing(kind)}
          >
            {t.preview}
          </Button>
        </Space>
      ))}
      <LetterPreview caseId={caseId} kind={previewing} onClose={() => setPreviewing(undefined)} />
    </Space>
  );
}

import { FileWordOutlined } from '@ant-design/icons';
import { useApiClient, useMessages } from '@gongkai/ui';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { saveBlob } from '../common/download';
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

export function CaseLetters({ caseId, caseRef }: { caseId: string; caseRef: string }) {
  const t = useMessages(detailMessages);
  const client = useApiClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();

  const download = async (kind: string, title: string) => {
    setBusy(kind);
    try {
      const blob = await client.blob(`/cases/${caseId}/letters/${kind}`);
      saveBlob(blob, `${caseRef}-${title}.docx`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t.lettersIntro}</Typography.Text>
      <Space wrap>
        {LETTER_KINDS.map(({ kind, key }) => (
          <Button
            key={kind}
            icon={<FileWordOutlined />}
            loading={busy === kind}
            data-testid={`letter-${kind}`}
            onClick={() => void download(kind, t[key])}
          >
            {t[key]}
          </Button>
        ))}
      </Space>
    </Space>
  );
}

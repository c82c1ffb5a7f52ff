import { FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { defineMessages, useApiClient, useMessages } from '@gongkai/ui';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { saveBlob } from '../common/download';
import { useServerMessage } from '../common/server-messages';
import { caseFileHtml, loadCaseFile } from './case-file';

const messages = defineMessages(
  { html: '导出案卷（可打印HTML）', json: '导出案卷（JSON）' },
  { html: 'Case file (printable HTML)', json: 'Case file (JSON)' },
);

export function CaseFileButtons({ caseId }: { caseId: string }) {
  const t = useMessages(messages);
  const errorText = useServerMessage();
  const client = useApiClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'html' | 'json'>();
  const run = async (kind: 'html' | 'json') => {
    setBusy(kind);
    try {
      const file = await loadCaseFile(client, caseId);
      if (kind === 'json') {
        saveBlob(
          new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
          `案卷-${file.case.ref}.json`,
        );
      } else {
        saveBlob(
          new Blob([caseFileHtml(file)], { type: 'text/html;charset=utf-8' }),
          `案卷-${file.case.ref}.html`,
        );
      }
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Space>
      <Button icon={<PrinterOutlined />} loading={busy === 'html'} onClick={() => void run('html')}>
        {t.html}
      </Button>
      <Button
        icon={<FileTextOutlined />}
        loading={busy === 'json'}
        onClick={() => void run('json')}
      >
        {t.json}
      </Button>
    </Space>
  );
}

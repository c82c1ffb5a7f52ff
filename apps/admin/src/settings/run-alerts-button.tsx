import { BellOutlined } from '@ant-design/icons';
import type { JobView } from '@gongkai/contracts';
import { defineMessages, useApiClient, useMessages } from '@gongkai/ui';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useServerMessage } from '../common/server-messages';

const messages = defineMessages(
  {
    run: '立即生成预警与督办',
    queued: '已开始生成预警（每件案件每个期限只提醒一次）',
  },
  {
    run: 'Raise alerts now',
    queued: 'Raising alerts (each case and deadline is alerted once)',
  },
);

/** Administrators run the alert job at once (the minute sweep raises them anyway). */
export function RunAlertsButton() {
  const t = useMessages(messages);
  const errorText = useServerMessage();
  const client = useApiClient();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await client.post<JobView>('/jobs/alerts');
      void message.success(t.queued);
      void queries.invalidateQueries({ queryKey: ['notifications'] });
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<BellOutlined />}
      loading={busy}
      onClick={() => void run()}
      data-testid="run-alerts"
    >
      {t.run}
    </Button>
  );
}

import { Badge, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useApiClient } from '../api/api-client.context';
import { useMessages } from '../i18n/i18n.context';
import { formatMessage } from '../i18n/messages';
import { uiMessages } from '../i18n/ui.messages';
import { fetchHealth, type HealthStatus, type ServiceState } from './health-status';

export interface HealthBadgeProps {
  /** How often to ask again, in milliseconds; 0 asks once. */
  intervalMs?: number;
}

const BADGE_STATUS = { up: 'success', down: 'error', unknown: 'default' } as const;

/** 数据库 / Redis up or down, from GET /api/health, refreshed every half minute. */
export function HealthBadge({ intervalMs = 30_000 }: HealthBadgeProps) {
  const client = useApiClient();
  const t = useMessages(uiMessages);
  const [health, setHealth] = useState<HealthStatus | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    const check = () => {
      fetchHealth(client, controller.signal).then(
        (status) => {
          if (!controller.signal.aborted) setHealth(status);
        },
        () => undefined,
      );
    };
    check();
    const timer = intervalMs > 0 ? window.setInterval(check, intervalMs) : undefined;
    return () => {
      controller.abort();
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [client, intervalMs]);

  const stateText = (state: ServiceState) =>
    state === 'up' ? t.healthUp : state === 'down' ? t.healthDown : t.healthUnknown;

  const item = (key: 'database' | 'redis', label: string) => {
    const state = health?.[key];
    return (
      <span data-testid={`health-${key}`} data-state={state ?? 'checking'}>
        <Badge
          status={state ? BADGE_STATUS[state] : 'processing'}
          text={`${label} ${state ? stateText(state) : t.healthChecking}`}
        />
      </span>
    );
  };

  const title = !health
    ? t.healthChecking
    : [
        health.reachable ? null : t.healthUnreachable,
        formatMessage(t.healthCheckedAt, { time: health.checkedAt.toLocaleTimeString() }),
      ]
        .filter(Boolean)
        .join(' · ');

  return (
    <Tooltip title={title}>
      <Space size="middle" role="status" aria-label={t.health} aria-live="polite">
        {item('database', t.healthDatabase)}
        {item('redis', t.healthRedis)}
      </Space>
    </Tooltip>
  );
}

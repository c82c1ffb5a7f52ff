import type { ReportCheckView } from '@gongkai/contracts';
import { useMessages } from '@gongkai/ui';
import { Alert, Button, List, Tag, Typography } from 'antd';
import { studioMessages } from './studio.messages';

/** I1–I7 and the cross-year check; a failing one can mark its cells in the report. */
export function ChecksPanel({
  checks,
  blockers,
  onShowCells,
}: {
  checks: ReportCheckView[];
  blockers: ReportCheckView[];
  onShowCells: (check: ReportCheckView) => void;
}) {
  const t = useMessages(studioMessages);
  const failing = checks.filter((c) => !c.ok);
  return (
    <section aria-labelledby="checks-title" data-testid="checks-panel">
      <Typography.Title level={2} id="checks-title" style={{ fontSize: 16 }}>
        {t.checksTitle}
      </Typography.Title>
      {blockers.length > 0 && (
        <Alert type="error" showIcon title={t.blockersHint} style={{ marginBottom: 8 }} />
      )}
      {failing.length === 0 && <Tag color="green">{t.checksOk}</Tag>}
      <List
        size="small"
        dataSource={checks}
        renderItem={(check) => (
          <List.Item
            data-testid={`check-${check.id}`}
            actions={
              !check.ok && check.cells.length > 0
                ? [
                    <Button key="show" size="small" type="link" onClick={() => onShowCells(check)}>
                      {t.showCells}
                    </Button>,
                  ]
                : []
            }
          >
            <div>
              <Tag color={check.ok ? 'green' : check.level === 'error' ? 'red' : 'orange'}>
                {check.id} ·{' '}
                {check.ok ? t.checkPassed : check.level === 'error' ? t.checkError : t.checkWarning}
              </Tag>
              <span style={{ fontSize: 13 }}>{check.message}</span>
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}

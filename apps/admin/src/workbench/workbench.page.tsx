import { formatMessage, useMessages } from '@gongkai/ui';
import { Button, Card, Typography } from 'antd';
import { adminMessages } from '../admin.messages';
import { useSession } from '../auth/session.context';

/** Placeholder until the case service lands (issue “Admin desk”). */
export function WorkbenchPage() {
  const t = useMessages(adminMessages);
  const { user, signOut } = useSession();
  if (!user) return null;
  const name = [user.displayName ?? user.username, user.agencyName].filter(Boolean).join(' · ');
  return (
    <Card style={{ maxWidth: 720, margin: '48px auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t.workbenchTitle}
      </Typography.Title>
      <Typography.Paragraph>{formatMessage(t.signedInAs, { name })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t.workbenchComing}</Typography.Paragraph>
      <Button onClick={() => void signOut()}>{t.signOut}</Button>
    </Card>
  );
}

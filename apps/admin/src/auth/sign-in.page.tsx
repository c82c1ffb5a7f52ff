import { SignInForm, useMessages } from '@gongkai/ui';
import { Alert, Card, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { adminMessages } from '../admin.messages';
import { useSession } from './session.context';

export function SignInPage() {
  const t = useMessages(adminMessages);
  const { user, notice, signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (user) return <Navigate to={from} replace />;
  return (
    <Card style={{ width: 400, maxWidth: '100%', margin: '64px auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t.signInHeading}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.signInIntro}</Typography.Paragraph>
      {notice ? (
        <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />
      ) : null}
      <SignInForm
        onSignedIn={() => {
          void signedIn().then(() => navigate(from, { replace: true }));
        }}
      />
    </Card>
  );
}

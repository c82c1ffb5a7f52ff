import { SignInForm, useMessages } from '@gongkai/ui';
import { Alert, Card, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { afterSignIn } from '../shell/page-access';
import { adminMessages } from '../admin.messages';
import { useSession } from './session.context';

export function SignInPage() {
  const t = useMessages(adminMessages);
  const { user, notice, signedIn } = useSession();
  const location = useLocation();
  const remembered = location.state as { from?: string; username?: string } | null;
  // Signing in re-renders with the user: the redirect below is the one place that decides.
  if (user) return <Navigate to={afterSignIn(user, remembered)} replace />;
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
          void signedIn();
        }}
      />
    </Card>
  );
}

import { SignInForm, useMessages } from '@gongkai/ui';
import { Card, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router-dom';
import { adminMessages } from '../admin.messages';
import { useSession } from './session.context';

export function SignInPage() {
  const t = useMessages(adminMessages);
  const { user, signedIn } = useSession();
  const navigate = useNavigate();
  if (user) return <Navigate to="/" replace />;
  return (
    <Card style={{ width: 400, maxWidth: '100%', margin: '64px auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t.signInHeading}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.signInIntro}</Typography.Paragraph>
      <SignInForm
        onSignedIn={(signed) => {
          signedIn(signed);
          navigate('/', { replace: true });
        }}
      />
    </Card>
  );
}

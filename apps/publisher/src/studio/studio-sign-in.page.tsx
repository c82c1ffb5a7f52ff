import { formatMessage, SignInForm, useMessages, type SignedInUser } from '@gongkai/ui';
import { Card, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { publisherMessages } from '../publisher.messages';

/** The report studio's door: the sign-in form; once signed in the studio takes over. */
export function StudioSignInPage({ onSignedIn }: { onSignedIn?: (user: SignedInUser) => void }) {
  const t = useMessages(publisherMessages);
  const [user, setUser] = useState<SignedInUser | undefined>();
  const name = user
    ? [user.displayName ?? user.username, user.agencyName].filter(Boolean).join(' · ')
    : '';
  return (
    <Card style={{ width: 420, maxWidth: '100%', margin: '64px auto' }}>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
        {t.studioTitle} · {t.staffSignIn}
      </Typography.Title>
      {user ? (
        <>
          <Typography.Paragraph>{formatMessage(t.signedInAs, { name })}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t.studioComing}</Typography.Paragraph>
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t.studioIntro}</Typography.Paragraph>
          <SignInForm
            onSignedIn={(signedIn) => {
              setUser(signedIn);
              onSignedIn?.(signedIn);
            }}
          />
        </>
      )}
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/">{t.backToPublic}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

import { useMessages } from '@gongkai/ui';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { adminMessages } from '../admin.messages';

/** A page the desk cannot show (404) or this user may not use (403), with the way home. */
export function StatusPage({ status, text }: { status: '403' | '404'; text: string }) {
  const t = useMessages(adminMessages);
  return (
    <Result
      status={status}
      title={status}
      subTitle={text}
      data-testid={`status-${status}`}
      extra={
        <Link to="/">
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
    />
  );
}

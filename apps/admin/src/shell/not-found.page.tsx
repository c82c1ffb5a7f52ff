import { useMessages } from '@gongkai/ui';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { adminMessages } from '../admin.messages';

export function NotFoundPage() {
  const t = useMessages(adminMessages);
  return (
    <Result
      status="404"
      title="404"
      subTitle={t.notFoundTitle}
      extra={
        <Link to="/">
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
    />
  );
}

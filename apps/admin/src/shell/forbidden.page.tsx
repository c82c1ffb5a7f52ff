import { useMessages } from '@gongkai/ui';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { adminMessages } from '../admin.messages';

/** A page the user's roles may not use, reached by a typed or remembered URL. */
export function ForbiddenPage() {
  const t = useMessages(adminMessages);
  return (
    <Result
      status="403"
      title="403"
      subTitle={t.forbiddenTitle}
      data-testid="forbidden"
      extra={
        <Link to="/">
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
    />
  );
}

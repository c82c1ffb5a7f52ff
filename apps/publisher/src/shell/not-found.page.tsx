import { useMessages } from '@gongkai/ui';
import { Result } from 'antd';
import { Link } from 'react-router-dom';
import { publisherMessages } from '../publisher.messages';

export function NotFoundPage() {
  const t = useMessages(publisherMessages);
  return (
    <Result
      status="404"
      title="404"
      subTitle={t.notFoundTitle}
      extra={<Link to="/">{t.backToPublic}</Link>}
    />
  );
}

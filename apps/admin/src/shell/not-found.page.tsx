import { useMessages } from '@gongkai/ui';
import { adminMessages } from '../admin.messages';
import { StatusPage } from './status-page';

export function NotFoundPage() {
  const t = useMessages(adminMessages);
  return <StatusPage status="404" text={t.notFoundTitle} />;
}

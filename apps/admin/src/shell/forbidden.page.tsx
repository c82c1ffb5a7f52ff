import { useMessages } from '@gongkai/ui';
import { adminMessages } from '../admin.messages';
import { StatusPage } from './status-page';

/** A page the user's roles may not use, reached by a typed or remembered URL. */
export function ForbiddenPage() {
  const t = useMessages(adminMessages);
  return <StatusPage status="403" text={t.forbiddenTitle} />;
}

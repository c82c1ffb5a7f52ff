import { PageContainer } from '@ant-design/pro-components';
import { useMessages } from '@gongkai/ui';
import { adminMessages } from '../admin.messages';
import { ImportLedgerTab } from './import-ledger';

/** 导入台账 for clerks, who have no settings page; administrators find the same tab there. */
export function ImportLedgerPage() {
  const t = useMessages(adminMessages);
  return (
    <PageContainer title={t.menuImport}>
      <ImportLedgerTab />
    </PageContainer>
  );
}

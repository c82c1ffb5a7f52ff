import { healthAnswer, type FakeHandler } from '@gongkai/ui';
import { fireEvent, screen, within } from '@testing-library/react';
import type { DeskUser } from '../auth/desk-user';
import { DeskLayout } from '../shell/desk-layout';
import { attachmentDownloadRow, journalSearchRow } from '../testing/audit-fixtures';
import { caseListItem } from '../testing/case-fixtures';
import {
  renderDeskPage,
  TEST_ADMIN as ADMIN,
  TEST_AUDITOR as AUDITOR,
  TEST_USER as CLERK,
} from '../testing/render-desk';
import { AuditPage } from './audit.page';

const page = <T,>(items: T[]) => ({ body: { items, total: items.length, page: 1, pageSize: 20 } });

// What the API answers each route of the page with; which role may call which is the API's business.
const routes: Record<string, FakeHandler> = {
  'GET /api/journal': page([journalSearchRow()]),
  'GET /api/identity-reveals': {
    body: [
      {
        id: 'r1',
        caseId: 'c2',
        caseRef: '2025-0008',
        applicantName: '王小明',
        userName: '张经办',
        userId: 'u1',
        reason: '核对申请人身份',
        revealedAt: '2025-06-30T03:00:00.000Z',
      },
    ],
  },
  'GET /api/attachment-downloads': page([
    attachmentDownloadRow({ caseId: 'c3', caseRef: '2025-0009' }),
  ]),
  'GET /api/journal/verify': {
    body: { ok: true, casesChecked: 3, eventsChecked: 21, firstBroken: null, broken: [] },
  },
  'GET /api/cases': page([caseListItem()]),
  'GET /api/journal/checkpoints': { body: { items: [] } },
};

// The routes an administrator may call, from the API's @Roles (journal, reveals, downloads).
const ADMIN_ROUTES = [
  '/api/auth/me',
  '/api/journal',
  '/api/identity-reveals',
  '/api/attachment-downloads',
];

const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));

describe('AuditPage', () => {
  it('shows an administrator journal search, identity number views and attachment downloads, without links to cases', async () => {
    renderDeskPage(<AuditPage />, { routes, user: ADMIN });

    // The first tab the administrator has is journal search.
    expect(await screen.findByText('2025-0007')).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      '日志检索',
      '身份证号码查看记录',
      '附件查阅记录',
    ]);

    openTab('身份证号码查看记录');
    const reveals = await screen.findByTestId('identity-reveals');
    expect(await within(reveals).findByText('2025-0008')).toBeInTheDocument();
    expect(within(reveals).getByText('核对申请人身份')).toBeInTheDocument();

    openTab('附件查阅记录');
    expect(await screen.findByText('身份证复印件.png')).toBeInTheDocument();

    // The case page would answer 403 (GET /api/cases/:id is not the administrator's), so refs are text.
    for (const ref of ['2025-0007', '2025-0008', '2025-0009']) {
      expect(screen.getByText(ref)).toBeInTheDocument();
      expect(screen.queryByRole('link', { name: ref })).not.toBeInTheDocument();
    }
  });

  it('shows an administrator no verification or case file controls and calls only routes the API allows them', async () => {
    const fetch = renderDeskPage(<AuditPage />, { routes, user: ADMIN });
    await screen.findByText('2025-0007');
    openTab('身份证号码查看记录');
    await screen.findByText('2025-0008');
    openTab('附件查阅记录');
    await screen.findByText('2025-0009');

    expect(screen.queryByRole('tab', { name: '日志校验' })).not.toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: '案卷导出' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /校验/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /导出案卷/ })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('combobox', { name: '输入编号或申请人查找案件' }),
    ).not.toBeInTheDocument();

    const paths = fetch.calls.map((c) => c.url.split('?')[0]);
    expect(paths.filter((p) => !ADMIN_ROUTES.includes(p))).toEqual([]);
    expect(new Set(paths)).toEqual(new Set(ADMIN_ROUTES));
  });

  it('still shows an auditor journal verification first, and every other tab', async () => {
    const fetch = renderDeskPage(<AuditPage />, { routes, user: AUDITOR });

    const verifyAll = await screen.findByRole('button', { name: /校验本机关全部案件/ });
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      '日志校验',
      '日志检索',
      '身份证号码查看记录',
      '附件查阅记录',
      '案卷导出',
    ]);
    expect(screen.getByRole('button', { name: /校验所选案件/ })).toBeDisabled();
    fireEvent.click(verifyAll);
    expect(await screen.findByTestId('journal-ok')).toHaveTextContent('已校验 3 件、21 条记录');
    expect(fetch.calls.some((c) => c.url === '/api/journal/verify')).toBe(true);
  });

  it('still links an auditor to the cases and offers the case file export', async () => {
    renderDeskPage(<AuditPage />, { routes, user: AUDITOR });
    await screen.findByRole('button', { name: /校验本机关全部案件/ });

    const refs = [
      ['日志检索', '2025-0007', '/cases/c1'],
      ['身份证号码查看记录', '2025-0008', '/cases/c2'],
      ['附件查阅记录', '2025-0009', '/cases/c3'],
    ];
    for (const [tab, ref, href] of refs) {
      openTab(tab);
      const panel = await screen.findByRole('tabpanel', { name: tab });
      expect(await within(panel).findByRole('link', { name: ref })).toHaveAttribute('href', href);
    }
    openTab('案卷导出');
    const caseFile = await screen.findByRole('tabpanel', { name: '案卷导出' });
    expect(
      within(caseFile).getByRole('combobox', { name: '输入编号或申请人查找案件' }),
    ).toBeInTheDocument();
  });
});

describe('the desk menu', () => {
  const menuWith = (user: DeskUser) =>
    renderDeskPage(<DeskLayout />, {
      routes: { 'GET /api/health': healthAnswer('up', 'up') },
      user,
    });

  it('gives administrators the 审计 entry', async () => {
    menuWith(ADMIN);
    expect(await screen.findByRole('link', { name: /审计/ })).toHaveAttribute('href', '/audit');
    expect(screen.getByRole('link', { name: /系统设置|设置/ })).toBeInTheDocument();
  });

  it('gives clerks no 审计 entry: no tab of the page is theirs', async () => {
    menuWith(CLERK);
    expect(await screen.findByTestId('desk-user')).toHaveTextContent('张经办');
    expect(screen.queryByRole('link', { name: /审计/ })).not.toBeInTheDocument();
  });
});

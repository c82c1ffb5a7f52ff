import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FakeRequest } from '@gongkai/ui';
import { renderDeskPage, TEST_USER } from '../testing/render-desk';
import { useState } from 'react';
import { CaseAttachments, PendingAttachments, type PendingAttachment } from './case-attachments';
import { CaseTimeline } from './case-timeline';
import { RegisterCasePage } from './register-case.page';

const filed = {
  id: 'f1',
  caseId: 'c1',
  fileName: '申请书（扫描件）.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 2_400_000,
  sha256: 'a'.repeat(64),
  kind: 'application_form',
  kindLabel: '申请书',
  note: '窗口收取的纸质申请书',
  uploadedBy: { id: 'u1', displayName: '张经办' },
  uploadedAt: '2025-06-03T02:00:00Z',
  withdrawn: null,
};
const withdrawn = {
  ...filed,
  id: 'f2',
  fileName: '错传的文件.pdf',
  kind: 'other',
  kindLabel: '其他材料',
  note: null,
  withdrawn: {
    at: '2025-06-04T02:00:00Z',
    by: { id: 'u1', displayName: '张经办' },
    reason: '传错了案件',
  },
};

const posts = (fetch: { calls: FakeRequest[] }, url: string) =>
  fetch.calls.filter((c) => c.method === 'POST' && c.url === url);

function renderAttachments(
  options: { user?: typeof TEST_USER; upload?: { status: number; body: unknown } } = {},
) {
  return renderDeskPage(<CaseAttachments caseId="c1" agencyId="a1" />, {
    user: options.user,
    routes: {
      'GET /api/cases/c1/attachments': { body: [filed, withdrawn] },
      'POST /api/cases/c1/attachments': options.upload ?? { status: 201, body: filed },
      'POST /api/cases/c1/attachments/f1/withdraw': { body: { ...filed, withdrawn: {} } },
    },
  });
}

function drop(file: File) {
  const input = document.querySelector('input[type="file"]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files: [file] } });
}

describe('CaseAttachments', () => {
  it('lists the files with their kinds, and strikes through a withdrawn one with its reason', async () => {
    renderAttachments();
    const rows = await screen.findAllByTestId('attachment-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('申请书');
    expect(rows[0]).toHaveTextContent('窗口收取的纸质申请书');
    expect(within(rows[0]).getByTestId('attachment-name').querySelector('del')).toBeNull();
    expect(within(rows[1]).getByTestId('attachment-name').querySelector('del')).toHaveTextContent(
      '错传的文件.pdf',
    );
    expect(rows[1]).toHaveTextContent('已撤回');
    expect(rows[1]).toHaveTextContent('传错了案件');
    expect(screen.getByTestId('attachment-list')).toHaveTextContent('2.3 MB');
    // Only the file still in force can be withdrawn.
    expect(screen.getAllByRole('button', { name: /撤\s*回/ })).toHaveLength(1);
  });

  it('uploads a dropped file as base64 with the chosen kind and the type of its extension', async () => {
    const fetch = renderAttachments();
    await screen.findAllByTestId('attachment-row');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '附件类别' }));
    fireEvent.click(await screen.findByTitle('身份证明'));
    fireEvent.change(screen.getByLabelText('备注'), { target: { value: ' 正反面 ' } });
    drop(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '身份证复印件.PNG'));

    await waitFor(() => expect(posts(fetch, '/api/cases/c1/attachments')).toHaveLength(1));
    expect(posts(fetch, '/api/cases/c1/attachments')[0]?.body).toEqual({
      fileName: '身份证复印件.PNG',
      mediaType: 'image/png',
      contentBase64: 'iVBORw==',
      kind: 'identity_document',
      note: '正反面',
    });
    expect(await screen.findByText('已上传 身份证复印件.PNG')).toBeInTheDocument();
  });

  it('refuses a file type the case file does not take, before sending it', async () => {
    const fetch = renderAttachments();
    await screen.findAllByTestId('attachment-row');
    drop(new File(['MZ'], '申请书.exe'));
    expect(await screen.findByText(/“申请书.exe”不是可上传的文件类型/)).toBeInTheDocument();
    expect(posts(fetch, '/api/cases/c1/attachments')).toHaveLength(0);
  });

  it("shows the API's Chinese message when it refuses a renamed file", async () => {
    renderAttachments({
      upload: {
        status: 422,
        body: {
          statusCode: 422,
          error: 'Unprocessable Entity',
          message:
            '文件“扫描.pdf”的内容不是 PDF 文件（实际为：PNG），可能是改了扩展名的文件，未保存',
        },
      },
    });
    await screen.findAllByTestId('attachment-row');
    drop(new File(['x'], '扫描.pdf'));
    expect(await screen.findByText(/可能是改了扩展名的文件/)).toBeInTheDocument();
  });

  it('withdraws only with a reason', async () => {
    const fetch = renderAttachments();
    await screen.findAllByTestId('attachment-row');
    fireEvent.click(screen.getByRole('button', { name: /撤\s*回/ }));
    const reason = await screen.findByLabelText('撤回原因（将记入案件日志）');
    const tooltip = reason.closest('.ant-popover') as HTMLElement;
    const ok = within(tooltip).getByRole('button', { name: /确\s*定|OK/ });
    expect(ok).toBeDisabled();
    fireEvent.change(reason, { target: { value: ' 扫描不清，已重新上传 ' } });
    await waitFor(() => expect(ok).toBeEnabled());
    fireEvent.click(ok);
    await waitFor(() =>
      expect(posts(fetch, '/api/cases/c1/attachments/f1/withdraw')[0]?.body).toEqual({
        reason: '扫描不清，已重新上传',
      }),
    );
  });

  it('lets an auditor read and download, but not upload or withdraw', async () => {
    renderAttachments({ user: { ...TEST_USER, roles: ['auditor'] } });
    await screen.findAllByTestId('attachment-row');
    expect(screen.queryByTestId('attachment-dropzone')).toBeNull();
    expect(screen.queryByRole('button', { name: /撤\s*回/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /下\s*载/ })).toHaveLength(2);
  });
});

describe('attachment notes in the case timeline', () => {
  it('names the file, its kind, size and hash under 上传附件 and 撤回附件', async () => {
    const note = (seq: number, type: string, label: string, extra = {}) => ({
      seq,
      type,
      label,
      machineEvent: false,
      occurredOn: '2025-06-04',
      recordedAt: '2025-06-04T02:00:00Z',
      actor: { id: 'u1', role: 'clerk', displayName: '张经办' },
      basis: null,
      stateAfter: 'intake',
      payload: {
        attachmentId: 'f1',
        fileName: '申请书.pdf',
        kind: 'application_form',
        mediaType: 'application/pdf',
        sizeBytes: 2048,
        sha256: 'ab'.repeat(32),
        ...extra,
      },
      hash: `h${seq}`,
    });
    renderDeskPage(<CaseTimeline caseId="c1" />, {
      routes: {
        'GET /api/cases/c1/timeline': {
          body: [
            note(2, 'ATTACHMENT_ADDED', '上传附件'),
            note(3, 'ATTACHMENT_WITHDRAWN', '撤回附件', { reason: '扫描不清' }),
          ],
        },
      },
    });
    const entries = await screen.findAllByTestId('timeline-entry');
    expect(entries[0]).toHaveTextContent('上传附件');
    expect(entries[0]).toHaveTextContent('申请书：申请书.pdf（2.0 KB）');
    expect(entries[0]).toHaveTextContent(`SHA-256：${'ab'.repeat(8)}…`);
    expect(entries[1]).toHaveTextContent('撤回附件');
    expect(entries[1]).toHaveTextContent('原因：扫描不清');
  });
});

function PendingHarness({ onChange }: { onChange: (next: PendingAttachment[]) => void }) {
  const [value, setValue] = useState<PendingAttachment[]>([]);
  return (
    <PendingAttachments
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

const chooseFiles = (container: HTMLElement, files: File[]) => {
  const input = container.querySelector('input[type="file"]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files } });
};

describe('PendingAttachments', () => {
  it('keeps the chosen files with a kind each, sending nothing', async () => {
    const changes: PendingAttachment[][] = [];
    const fetch = renderDeskPage(<PendingHarness onChange={(next) => changes.push(next)} />, {
      routes: {},
    });
    chooseFiles(await screen.findByTestId('pending-attachments'), [
      new File(['%PDF-1.4'], '申请书.pdf'),
      new File(['%PDF-1.4'], '身份证.pdf'),
      new File(['MZ'], '病毒.exe'),
    ]);
    expect(await screen.findAllByTestId('pending-attachment')).toHaveLength(2);
    expect(await screen.findByText(/“病毒.exe”不是可上传的文件类型/)).toBeInTheDocument();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '附件类别 身份证.pdf' }));
    fireEvent.click(await screen.findByTitle('身份证明'));
    fireEvent.click(screen.getByRole('button', { name: '移除 申请书.pdf' }));
    await waitFor(() =>
      expect(changes.at(-1)?.map((p) => [p.file.name, p.kind])).toEqual([
        ['身份证.pdf', 'identity_document'],
      ]),
    );
    expect(fetch.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});

describe('RegisterCasePage with attachments', () => {
  // The whole registration form under antd takes long on two shared cores.
  it('uploads the files chosen on the form right after the case is registered', async () => {
    const fetch = renderDeskPage(<RegisterCasePage />, {
      path: '/cases/new',
      pattern: '/cases/new',
      routes: {
        'GET /api/cases/similar': { body: [] },
        'POST /api/cases': {
          status: 201,
          body: { case: { id: 'c9', ref: '2025-0009' }, allowedEvents: [] },
        },
        'POST /api/cases/c9/attachments': { status: 201, body: filed },
      },
    });
    fireEvent.change(await screen.findByLabelText('姓名或名称'), { target: { value: '王小明' } });
    fireEvent.change(screen.getByLabelText('所需政府信息的名称、文号或描述'), {
      target: { value: '某路段改造工程的立项批复' },
    });
    chooseFiles(screen.getByTestId('pending-attachments'), [new File(['%PDF-1.4'], '申请书.pdf')]);
    expect(await screen.findByTestId('pending-attachment')).toHaveTextContent('申请书.pdf');
    // Nothing leaves the browser before the case exists.
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: /^登\s*记$/ }));
    expect(await screen.findByText('case page')).toBeInTheDocument();
    const posted = fetch.calls.filter((c) => c.method === 'POST').map((c) => c.url);
    expect(posted).toEqual(['/api/cases', '/api/cases/c9/attachments']);
    expect(posts(fetch, '/api/cases/c9/attachments')[0]?.body).toEqual({
      fileName: '申请书.pdf',
      mediaType: 'application/pdf',
      contentBase64: Buffer.from('%PDF-1.4').toString('base64'),
      kind: 'application_form',
    });
  });
});

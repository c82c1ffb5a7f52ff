import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDeskPage } from '../testing/render-desk';
import { RegisterCasePage } from './register-case.page';

function renderRegister(similar: unknown[] = []) {
  return renderDeskPage(<RegisterCasePage />, {
    path: '/cases/new',
    pattern: '/cases/new',
    routes: {
      'GET /api/cases/similar': { body: similar },
      'POST /api/cases': {
        status: 201,
        body: { case: { id: 'c9', ref: '2025-0009' }, allowedEvents: [] },
      },
    },
  });
}

async function fillRequired() {
  fireEvent.change(await screen.findByLabelText('姓名或名称'), { target: { value: '王小明' } });
  fireEvent.change(screen.getByLabelText('所需政府信息的名称、文号或描述'), {
    target: { value: '某路段改造工程的立项批复' },
  });
}

describe('RegisterCasePage', () => {
  it('shows the Art. 31 rule of the chosen channel and a plain explanation of the category', async () => {
    renderRegister();
    expect(await screen.findByTestId('receipt-rule')).toHaveTextContent('以提交之日为收到申请之日');
    expect(screen.getByTestId('category-explanation')).toHaveTextContent('以个人名义申请');
  });

  it('checks the identity number digit in the browser (GB 11643)', async () => {
    renderRegister();
    const id = await screen.findByLabelText('身份证号码');
    fireEvent.change(id, { target: { value: '110105194912310021' } });
    fireEvent.blur(id);
    expect(await screen.findByText(/校验码/)).toBeInTheDocument();
  });

  it('warns of a possible 重复申请 with links before registering, and registers on confirmation', async () => {
    const fetch = renderRegister([
      {
        id: 'c1',
        ref: '2025-0001',
        receivedOn: '2025-03-03',
        state: 'served',
        outcome: 'disclosed',
        request: '某路段改造工程的立项批复',
        similarity: 0.9,
      },
    ]);
    await fillRequired();
    fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('可能是重复申请')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: /2025-0001/ })).toHaveAttribute(
      'href',
      '/cases/c1',
    );
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: '仍然登记' }));
    await waitFor(() => expect(fetch.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      channel: 'in_person',
      applicant: { category: 'natural_person', name: '王小明' },
      request: '某路段改造工程的立项批复',
    });
    expect(await screen.findByText('case page')).toBeInTheDocument();
  });
});

import type { FakeHandler } from '@gongkai/ui';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDeskPage } from '../testing/render-desk';
import { RegisterCasePage } from './register-case.page';

function renderRegister(similar: unknown[] = [], post?: FakeHandler) {
  return renderDeskPage(<RegisterCasePage />, {
    path: '/cases/new',
    pattern: '/cases/new',
    routes: {
      'GET /api/cases/similar': { body: similar },
      'GET /api/clerks': {
        body: [
          { id: 'u1', displayName: '张经办' },
          { id: 'u2', displayName: '李经办' },
          { id: 'u3', displayName: '王经办' },
        ],
      },
      'POST /api/cases': post ?? {
        status: 201,
        body: { case: { id: 'c9', ref: '2025-0009' }, allowedEvents: [] },
      },
    },
  });
}

const postBody = (fetch: ReturnType<typeof renderRegister>) =>
  fetch.calls.find((c) => c.method === 'POST')?.body as Record<string, unknown> | undefined;

/** Types into the 经办人 search, as a keyboard user would, and picks the one match. */
async function chooseClerk(search: string, name: string) {
  const select = screen.getByRole('combobox', { name: '经办人' });
  fireEvent.mouseDown(select);
  fireEvent.change(select, { target: { value: search } });
  fireEvent.click(await screen.findByTitle(name));
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

  describe('统一社会信用代码 (GB 32100)', () => {
    const chooseOrganisation = async () => {
      fireEvent.click(await screen.findByRole('radio', { name: '商业企业' }));
      return screen.findByLabelText('统一社会信用代码');
    };

    it('is asked for only when the applicant is not a natural person', async () => {
      renderRegister();
      await screen.findByLabelText('姓名或名称');
      expect(screen.queryByLabelText('统一社会信用代码')).toBeNull();
      await chooseOrganisation();
      fireEvent.click(screen.getByRole('radio', { name: '自然人' }));
      await waitFor(() => expect(screen.queryByLabelText('统一社会信用代码')).toBeNull());
    });

    it('names the right check character as soon as all 18 characters are typed', async () => {
      renderRegister();
      const code = await chooseOrganisation();
      fireEvent.change(code, { target: { value: '91350100M000100Y4' } });
      // Still typing: too short is not yet an error.
      await waitFor(() => expect(code).not.toHaveAttribute('aria-invalid', 'true'));
      expect(screen.queryByText(/应为18位/)).toBeNull();
      fireEvent.change(code, { target: { value: '91350100M000100Y44' } });
      expect(await screen.findByText(/校验码应为3/)).toBeInTheDocument();
      fireEvent.change(code, { target: { value: '91350100M000100Y43' } });
      await waitFor(() => expect(screen.queryByText(/校验码应为3/)).toBeNull());
    });

    it('refuses a character the standard does not use while typing, and a short code on leaving', async () => {
      renderRegister();
      const code = await chooseOrganisation();
      fireEvent.change(code, { target: { value: '9135O' } });
      expect(await screen.findByText(/第5位“O”不是有效字符/)).toBeInTheDocument();
      fireEvent.change(code, { target: { value: '9135' } });
      fireEvent.blur(code);
      expect(await screen.findByText('统一社会信用代码应为18位，现为4位')).toBeInTheDocument();
    });

    it('sends the code in capitals with the registration', async () => {
      const fetch = renderRegister();
      await fillRequired();
      const code = await chooseOrganisation();
      fireEvent.change(code, { target: { value: '91350100m000100y43' } });
      expect(code).toHaveValue('91350100M000100Y43');
      // An organisation is asked for the person it applies through, and their phone.
      expect(screen.queryByLabelText('身份证号码')).toBeNull();
      fireEvent.change(screen.getByLabelText('法定代表人或联系人'), {
        target: { value: '林经理' },
      });
      fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '13800138000' } });
      fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
      await waitFor(() => expect(postBody(fetch)).toBeDefined());
      expect(postBody(fetch)).toMatchObject({
        applicant: {
          category: 'commercial_enterprise',
          name: '王小明',
          creditCode: '91350100M000100Y43',
          contactPerson: '林经理',
          phone: '13800138000',
        },
      });
      expect(postBody(fetch)?.applicant).not.toHaveProperty('identityNumber');
    }, 90_000);

    it('does not register with a wrong check character', async () => {
      const fetch = renderRegister();
      await fillRequired();
      const code = await chooseOrganisation();
      fireEvent.change(code, { target: { value: '91350100M000100Y44' } });
      fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
      expect(await screen.findByText(/校验码应为3/)).toBeInTheDocument();
      // The typing rule and the leaving rule do not both report it.
      expect(screen.getAllByText(/校验码应为3/)).toHaveLength(1);
      expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false);
    });

    it('drops a code typed before the category was switched back to 自然人', async () => {
      const fetch = renderRegister();
      await fillRequired();
      const code = await chooseOrganisation();
      fireEvent.change(code, { target: { value: '91350100M000100Y43' } });
      fireEvent.click(screen.getByRole('radio', { name: '自然人' }));
      // The form shows the natural person's fields (no organisation's required phone) first.
      await waitFor(() => expect(screen.queryByLabelText('统一社会信用代码')).toBeNull());
      fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
      await waitFor(() => expect(postBody(fetch)).toBeDefined());
      expect(postBody(fetch)?.applicant).not.toHaveProperty('creditCode');
    });
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

  it('defaults the 经办人 to the signed-in clerk, so doing nothing registers the case to them', async () => {
    const fetch = renderRegister();
    const field = (await screen.findByText('默认为登记人；可指定本机关其他经办人')).closest(
      '.ant-form-item',
    ) as HTMLElement;
    expect(within(field).getByRole('combobox', { name: '经办人' })).toBeInTheDocument();
    expect(within(field).getByTitle('张经办')).toBeInTheDocument();
    await fillRequired();
    fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
    await waitFor(() => expect(postBody(fetch)).toBeDefined());
    expect(postBody(fetch)?.assigneeId).toBe('u1');
  });

  it('sends the id of the 经办人 found by name in the searchable list', async () => {
    const fetch = renderRegister();
    await fillRequired();
    await chooseClerk('李', '李经办');
    // Only the clerk whose name matches is offered.
    expect(screen.queryByTitle('王经办')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
    await waitFor(() => expect(postBody(fetch)).toBeDefined());
    expect(postBody(fetch)).toMatchObject({
      applicant: { name: '王小明' },
      assigneeId: 'u2',
    });
    expect(await screen.findByText('case page')).toBeInTheDocument();
  });

  it("shows the API's refusal of the 经办人 under the select and stays on the form", async () => {
    const refusal = '经办人须为本案所属机关在岗的经办人员，请重新选择';
    renderRegister([], {
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: refusal,
        code: 'invalid_assignee',
        fieldErrors: [{ field: 'assigneeId', message: refusal }],
      },
    });
    await fillRequired();
    await chooseClerk('王', '王经办');
    fireEvent.click(screen.getByRole('button', { name: /登\s*记/ }));
    const field = screen
      .getByText('默认为登记人；可指定本机关其他经办人')
      .closest('.ant-form-item') as HTMLElement;
    expect(await within(field).findByText(refusal)).toBeInTheDocument();
    expect(within(field).getByRole('combobox', { name: '经办人' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.queryByText('case page')).toBeNull();
  });
});

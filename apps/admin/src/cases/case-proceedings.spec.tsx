import type { FakeHandler } from '@gongkai/ui';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDeskPage, TEST_USER } from '../testing/render-desk';
import { CaseProceedings } from './case-proceedings';

const pending = {
  id: 'p1',
  agencyId: 'a1',
  caseId: 'c1',
  caseRef: '2025-0007',
  kind: 'reconsideration',
  filedOn: '2025-05-06',
  result: null,
  concludedOn: null,
  note: null,
};
const concluded = {
  ...pending,
  id: 'p2',
  kind: 'litigation_direct',
  filedOn: '2025-02-10',
  result: 'maintained',
  concludedOn: '2025-04-30',
};

function renderProceedings(
  options: { user?: typeof TEST_USER; post?: FakeHandler; patch?: FakeHandler } = {},
) {
  return renderDeskPage(<CaseProceedings caseId="c1" agencyId="a1" />, {
    user: options.user,
    routes: {
      'GET /api/proceedings': { body: [pending, concluded] },
      'POST /api/proceedings': options.post ?? { status: 201, body: { ...pending, id: 'p3' } },
      'PATCH /api/proceedings/p1': options.patch ?? { body: pending },
    },
  });
}

/** Types a date into an antd DatePicker, as a clerk can. */
function typeDate(input: HTMLElement, value: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

const choose = async (label: string, option: string) => {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByTitle(option));
};

const sent = (fetch: ReturnType<typeof renderProceedings>, method: string) =>
  fetch.calls.filter((c) => c.method === method);

describe('CaseProceedings', () => {
  it('lists the proceedings with the official labels, pending or with result and date', async () => {
    renderProceedings();
    const rows = await screen.findAllByTestId('proceeding-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('行政复议');
    expect(rows[0]).toHaveTextContent('2025-05-06');
    expect(rows[0]).toHaveTextContent('尚未审结');
    expect(rows[1]).toHaveTextContent('未经复议直接起诉');
    expect(rows[1]).toHaveTextContent('结果维持（2025-04-30）');
    expect(screen.getByRole('button', { name: /登记复议\/诉讼/ })).toBeInTheDocument();
  });

  it('is read-only for a leader', async () => {
    renderProceedings({ user: { ...TEST_USER, roles: ['leader'] } });
    await screen.findAllByTestId('proceeding-row');
    expect(screen.queryByRole('button', { name: /登记复议\/诉讼/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /修\s*改/ })).toBeNull();
  });

  it('records a new proceeding: kind, filing date, pending', async () => {
    const fetch = renderProceedings();
    fireEvent.click(await screen.findByRole('button', { name: /登记复议\/诉讼/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('请选择类型')).toBeInTheDocument();
    expect(within(dialog).getByText('请填写立案（申请）日期')).toBeInTheDocument();

    await choose('类型', '复议后起诉');
    typeDate(within(dialog).getByLabelText('立案（申请）日期'), '2025-06-10');
    fireEvent.change(within(dialog).getByLabelText('备注'), { target: { value: ' 市中级法院 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    await waitFor(() => expect(sent(fetch, 'POST')).toHaveLength(1));
    expect(sent(fetch, 'POST')[0]?.body).toEqual({
      caseId: 'c1',
      kind: 'litigation_after_reconsideration',
      filedOn: '2025-06-10',
      result: null,
      concludedOn: null,
      note: '市中级法院',
    });
  });

  it('completes a pending proceeding with its result and conclusion date', async () => {
    const fetch = renderProceedings();
    const rows = await screen.findAllByTestId('proceeding-row');
    fireEvent.click(within(rows[0]).getByRole('button', { name: /修\s*改/ }));
    const dialog = await screen.findByRole('dialog');
    await choose('审理结果', '结果纠正');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('有审理结果时须填写审结日期')).toBeInTheDocument();
    expect(sent(fetch, 'PATCH')).toHaveLength(0);

    typeDate(within(dialog).getByLabelText('审结日期'), '2025-06-20');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(sent(fetch, 'PATCH')).toHaveLength(1));
    expect(sent(fetch, 'PATCH')[0]?.body).toEqual({
      kind: 'reconsideration',
      filedOn: '2025-05-06',
      result: 'corrected',
      concludedOn: '2025-06-20',
      note: null,
    });
  });

  it("shows the API's Chinese validation messages, under the field when it names one", async () => {
    renderProceedings({
      post: {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: '输入有误：filedOn 立案（申请）日期应为 YYYY-MM-DD 格式的有效日期',
          fieldErrors: [
            { field: 'filedOn', message: '立案（申请）日期应为 YYYY-MM-DD 格式的有效日期' },
          ],
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: /登记复议\/诉讼/ }));
    const dialog = await screen.findByRole('dialog');
    await choose('类型', '行政复议');
    typeDate(within(dialog).getByLabelText('立案（申请）日期'), '2025-06-10');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('输入有误');
    expect(
      within(dialog).getByText('立案（申请）日期应为 YYYY-MM-DD 格式的有效日期'),
    ).toBeInTheDocument();
  });
});

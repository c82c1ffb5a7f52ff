import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDeskPage, TEST_ADMIN } from '../testing/render-desk';
import { agencyView as agency } from '../testing/case-fixtures';
import { AgenciesPage } from './agencies.page';
import { agencyTree } from './agency-tree';

const AGENCIES = [
  agency('root', '平潭区人民政府办公室', null),
  agency('edu', '区教育局', 'root'),
  agency('street', '城关街道办事处', 'root'),
  agency('community', '人民社区居委会', 'street'),
];

describe('the agency tree', () => {
  it('nests agencies under their supervising agency', () => {
    const [root] = agencyTree(AGENCIES);
    expect(root?.title).toBe('平潭区人民政府办公室');
    expect(root?.children.map((c) => c.title)).toEqual(['区教育局', '城关街道办事处']);
    expect(root?.children[1]?.children.map((c) => c.title)).toEqual(['人民社区居委会']);
  });

  it('lets an administrator rename an agency and set its contact and 文号 pattern', async () => {
    const fetch = renderDeskPage(<AgenciesPage />, {
      user: TEST_ADMIN,
      routes: {
        'GET /api/agencies': { body: AGENCIES },
        'PATCH /api/agencies/street': { body: AGENCIES[2] },
      },
    });
    const tree = await screen.findByTestId('agency-tree');
    fireEvent.click(await within(tree).findByText('城关街道办事处'));
    const form = await screen.findByRole('form', { name: '机关信息' });
    expect(within(form).getByLabelText('机关名称（年度报告落款）')).toHaveValue('城关街道办事处');
    fireEvent.change(within(form).getByLabelText('机关名称（年度报告落款）'), {
      target: { value: '城关街道' },
    });
    fireEvent.change(within(form).getByLabelText('联系人'), { target: { value: '林主任' } });
    fireEvent.change(within(form).getByLabelText('答复书文号格式'), {
      target: { value: '城街公开〔{year}〕第{n}号' },
    });
    fireEvent.click(within(form).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(fetch.calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(fetch.calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      name: '城关街道',
      address: null,
      phone: null,
      contact: '林主任',
      letterRefPattern: '城街公开〔{year}〕第{n}号',
    });
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { queryOf, renderDeskPage } from '../testing/render-desk';
import { CaseEventModal } from './case-event-form';

const perApplication = {
  standard: 'per_application',
  amountYuan: 100,
  bands: [],
  lines: [
    '依据……第四条按件计收',
    '本件为该申请人当月第12件申请，适用100元/件。',
    '应收信息处理费100元。',
  ],
  linesEn: [],
  month: '2025-06',
  ordinalInMonth: 12,
  monthCount: 12,
  monthCases: [{ id: 'c0', ref: '2025-0001', receivedOn: '2025-06-02' }],
  pages: null,
};

function renderFee() {
  return renderDeskPage(
    <CaseEventModal
      target={{ caseId: 'c1', version: 7, type: 'SERVE_FEE_NOTICE', label: '送达收费通知' }}
      onClose={() => undefined}
    />,
    {
      routes: {
        'GET /api/cases/c1/fee': (request) =>
          queryOf(request)['standard'] === 'per_page'
            ? {
                body: {
                  ...perApplication,
                  standard: 'per_page',
                  amountYuan: 150,
                  lines: ['第31–45页，15页×10元＝150元'],
                  ordinalInMonth: null,
                  monthCases: [],
                  pages: Number(queryOf(request)['pages']),
                },
              }
            : { body: perApplication },
        'POST /api/cases/c1/events': {
          body: { case: { id: 'c1' }, allowedEvents: [], effects: [] },
        },
      },
    },
  );
}

const ok = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: /确\s*定/ });

describe('the fee dialog', () => {
  it('shows the computed 按件 fee with its derivation and sends it as confirmed', async () => {
    const fetch = renderFee();
    const dialog = await screen.findByRole('dialog');
    const derivation = within(dialog).getByTestId('fee-derivation');
    await waitFor(() => expect(derivation).toHaveTextContent('按国办函〔2020〕109号计算：100元'));
    expect(derivation).toHaveTextContent('当月第12件');
    expect(derivation).toHaveTextContent('2025-0001');
    expect(within(dialog).getByLabelText('收费金额（元）')).toBeDisabled();
    fireEvent.click(ok(dialog));
    await waitFor(() => expect(fetch.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      type: 'SERVE_FEE_NOTICE',
      payload: { standard: 'per_application', amountYuan: 100, ordinalInMonth: 12 },
    });
    const payload = (fetch.calls.find((c) => c.method === 'POST')?.body as { payload: object })
      .payload;
    expect(payload).not.toHaveProperty('override');
    expect(payload).not.toHaveProperty('overrideReason');
  });

  it('computes 按量 from the pages, and an override needs its reason', async () => {
    const fetch = renderFee();
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('按量计收'));
    fireEvent.change(await within(dialog).findByLabelText('页数'), { target: { value: '45' } });
    await waitFor(() =>
      expect(within(dialog).getByTestId('fee-derivation')).toHaveTextContent('150元'),
    );
    fireEvent.click(within(dialog).getByRole('switch'));
    const amount = within(dialog).getByLabelText('收费金额（元）');
    await waitFor(() => expect(amount).toBeEnabled());
    fireEvent.change(amount, { target: { value: '120' } });
    fireEvent.click(ok(dialog));
    expect(
      await within(dialog).findByText('请填写调整金额的理由（记入办理记录）'),
    ).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('调整金额的理由（记入办理记录）'), {
      target: { value: '其中3页为申请人自带材料' },
    });
    fireEvent.click(ok(dialog));
    await waitFor(() => expect(fetch.calls.some((c) => c.method === 'POST')).toBe(true));
    const body = fetch.calls.find((c) => c.method === 'POST')?.body as { payload: object };
    expect(body.payload).toMatchObject({
      standard: 'per_page',
      pages: 45,
      amountYuan: 120,
      overrideReason: '其中3页为申请人自带材料',
    });
    expect(body.payload).not.toHaveProperty('ordinalInMonth');
  });
});

import { computeDeadlines, defaultWorkingDayCalendar, explainDeadline } from '@gongkai/domain';
import { fireEvent, screen, within } from '@testing-library/react';
import { ApprovalsPage } from '../approvals/approvals.page';
import { renderDeskPage } from '../testing/render-desk';
import { CaseEventModal } from './case-event-form';
import { DeadlinePanel } from './deadline-panel';

const REFUSAL = '日期不能早于上一办理环节的日期（2025年6月3日）';

function renderAccept(locale: 'en' | 'zh-CN', body: object) {
  return renderDeskPage(
    <CaseEventModal
      target={{ caseId: 'c1', version: 5, type: 'ACCEPT', label: 'Accept' }}
      onClose={() => undefined}
    />,
    { locale, routes: { 'POST /api/cases/c1/events': { status: 422, body } } },
  );
}

describe('the English desk', () => {
  it('explains each deadline in English, from the derivation the API sent', async () => {
    const deadlines = computeDeadlines(
      [{ kind: 'start', on: '2025-01-24' }],
      defaultWorkingDayCalendar(),
    );
    renderDeskPage(<DeadlinePanel deadlines={deadlines} />, { locale: 'en', routes: {} });
    const panel = await screen.findByTestId('deadline-panel');
    expect(within(panel).getByText('Answer due')).toBeInTheDocument();
    expect(within(panel).getByText('Art. 33')).toBeInTheDocument();
    for (const line of explainDeadline(deadlines.answer, 'en')) {
      expect(within(panel).getByText(line)).toBeInTheDocument();
    }
    expect(panel).toHaveTextContent('public holiday (春节)');
    expect(panel).not.toHaveTextContent('法定节假日');
    expect(panel).not.toHaveTextContent('个工作日');
  });

  it('puts the English of a known refusal code before the API’s Chinese message', async () => {
    renderAccept('en', {
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: REFUSAL,
      code: 'before_previous_event',
    });
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      `The date may not be before the previous step of the case. (${REFUSAL})`,
    );
  });

  it('shows a message without a known code as the API wrote it', async () => {
    renderAccept('en', { statusCode: 422, error: 'Unprocessable Entity', message: '某条说明' });
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe('某条说明');
  });

  it('keeps the Chinese desk’s message Chinese only', async () => {
    renderAccept('zh-CN', {
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: REFUSAL,
      code: 'before_previous_event',
    });
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(REFUSAL);
  });

  describe('outside the case pages', () => {
    const OUT_OF_SCOPE = '所选机关不在您可查看的范围内';
    const renderApprovals = (locale: 'en' | 'zh-CN') =>
      renderDeskPage(<ApprovalsPage />, {
        locale,
        routes: {
          'GET /api/approvals': {
            status: 403,
            body: {
              statusCode: 403,
              error: 'Forbidden',
              message: OUT_OF_SCOPE,
              code: 'agency_out_of_scope',
            },
          },
        },
      });

    it('puts the English of a known code before the Chinese message (approvals)', async () => {
      renderApprovals('en');
      expect((await screen.findByRole('alert')).textContent).toBe(
        `The chosen agency is outside the agencies you may see. (${OUT_OF_SCOPE})`,
      );
    });

    it('keeps the Chinese desk’s message Chinese only (approvals)', async () => {
      renderApprovals('zh-CN');
      expect((await screen.findByRole('alert')).textContent).toBe(OUT_OF_SCOPE);
    });
  });
});

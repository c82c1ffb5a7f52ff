import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderDeskPage, TEST_ADMIN } from '../testing/render-desk';
import { RunAlertsButton } from './run-alerts-button';

describe('RunAlertsButton', () => {
  it('lets an administrator run the alert job', async () => {
    const fetch = renderDeskPage(<RunAlertsButton />, {
      user: TEST_ADMIN,
      routes: {
        'POST /api/jobs/alerts': { status: 202, body: { id: 'j1', name: 'alerts.daily' } },
      },
    });
    fireEvent.click(await screen.findByTestId('run-alerts'));
    await waitFor(() => expect(fetch.calls.some((c) => c.url === '/api/jobs/alerts')).toBe(true));
    expect(await screen.findByText(/已开始生成预警/)).toBeInTheDocument();
  });
});

import { render, screen, waitFor } from '@testing-library/react';
import { ApiClient } from '../api/api-client';
import { ApiClientProvider } from '../api/api-client.context';
import { I18nProvider } from '../i18n/i18n.context';
import { createFakeFetch, healthAnswer, type FakeHandler } from '../testing/fake-fetch';
import { HealthBadge } from './health-badge';

function renderBadge(handler: FakeHandler, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const fetch = createFakeFetch({ 'GET /api/health': handler });
  render(
    <I18nProvider initialLocale={locale}>
      <ApiClientProvider client={new ApiClient({ fetch })}>
        <HealthBadge intervalMs={0} />
      </ApiClientProvider>
    </I18nProvider>,
  );
  return fetch;
}

describe('HealthBadge', () => {
  it('asks GET /api/health and shows both services up', async () => {
    const fetch = renderBadge(healthAnswer('up', 'up'));
    expect(screen.getByTestId('health-database')).toHaveAttribute('data-state', 'checking');

    await waitFor(() =>
      expect(screen.getByTestId('health-database')).toHaveAttribute('data-state', 'up'),
    );
    expect(screen.getByTestId('health-database')).toHaveTextContent('数据库 正常');
    expect(screen.getByTestId('health-redis')).toHaveTextContent('Redis 正常');
    expect(fetch.calls[0]).toMatchObject({
      method: 'GET',
      url: '/api/health',
      credentials: 'include',
    });
  });

  it('reads the 503 answer: Redis down, database up', async () => {
    renderBadge(healthAnswer('up', 'down'));
    await waitFor(() =>
      expect(screen.getByTestId('health-redis')).toHaveAttribute('data-state', 'down'),
    );
    expect(screen.getByTestId('health-redis')).toHaveTextContent('Redis 异常');
    expect(screen.getByTestId('health-database')).toHaveTextContent('数据库 正常');
  });

  it('shows unknown when the API cannot be reached', async () => {
    renderBadge('network-error', 'en');
    await waitFor(() =>
      expect(screen.getByTestId('health-database')).toHaveAttribute('data-state', 'unknown'),
    );
    expect(screen.getByTestId('health-database')).toHaveTextContent('Database unknown');
    expect(screen.getByRole('status', { name: 'System status' })).toBeInTheDocument();
  });
});

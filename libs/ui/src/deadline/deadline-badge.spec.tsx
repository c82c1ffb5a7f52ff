import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../i18n/i18n.context';
import { DeadlineBadge } from './deadline-badge';

describe('DeadlineBadge', () => {
  const show = (n: number | null, locale: 'zh-CN' | 'en' = 'zh-CN') =>
    render(
      <I18nProvider initialLocale={locale}>
        <DeadlineBadge workingDays={n} dueOn="2025-07-01" />
      </I18nProvider>,
    );

  it('says how many working days are left, or how many overdue', () => {
    show(3);
    expect(screen.getByTestId('deadline-badge')).toHaveTextContent('剩余3个工作日');
    expect(screen.getByTestId('deadline-badge')).toHaveAttribute('title', '答复期限：2025-07-01');
  });

  it('counts overdue days as a positive number', () => {
    show(-2);
    expect(screen.getByTestId('deadline-badge')).toHaveTextContent('已超期2个工作日');
  });

  it('shows nothing without a running deadline, and speaks English when asked', () => {
    show(null);
    expect(screen.queryByTestId('deadline-badge')).not.toBeInTheDocument();
    show(0, 'en');
    expect(screen.getByTestId('deadline-badge')).toHaveTextContent('Due today');
  });
});

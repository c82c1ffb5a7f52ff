import { render, screen } from '@testing-library/react';
import { BrandHeader } from './brand-header';

describe('BrandHeader', () => {
  it('shows the product name, the subtitle and the extra controls', () => {
    render(<BrandHeader subtitle="依申请公开办理" extra={<button type="button">退出</button>} />);
    const home = screen.getByRole('link', { name: '公开 Gongkai' });
    expect(home).toHaveAttribute('href', '/');
    expect(home).toHaveTextContent('公开');
    expect(home).toHaveTextContent('Gongkai');
    expect(screen.getByText('依申请公开办理')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '退出' })).toBeInTheDocument();
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDeskPage } from '../testing/render-desk';
import { DeadlineCalculatorPage } from './deadline-calculator.page';

async function typeDate(label: string, value: string) {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(input).toHaveValue(value));
}

describe('DeadlineCalculatorPage', () => {
  it('derives every deadline in the browser, as gongkai deadlines does (regulation.md §6)', async () => {
    renderDeskPage(<DeadlineCalculatorPage />, { routes: {} });
    expect(await screen.findByText('请先填写收到申请之日')).toBeInTheDocument();
    await typeDate('收到申请之日（第三十一条）', '2025-01-24');
    const result = screen.getByTestId('calculator-result');
    await waitFor(() => expect(result).toHaveTextContent('2025-02-27'));
    expect(result).toHaveTextContent('2025-02-10');
    // A supplement before receipt is refused with the reason.
    await typeDate('收到补正材料之日（第三十条，答复期限重新计算）', '2025-01-20');
    expect(await within(result).findByRole('alert')).toHaveTextContent('早于收到申请之日');
  });
});

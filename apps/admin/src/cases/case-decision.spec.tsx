import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDeskPage } from '../testing/render-desk';
import { CaseEventModal } from './case-event-form';
import { CaseLetters } from './case-letters';

const answer = { status: 200, body: { case: { id: 'c1' }, allowedEvents: [], effects: [] } };

function renderDraft() {
  return renderDeskPage(
    <CaseEventModal
      target={{ caseId: 'c1', version: 5, type: 'DRAFT_DECISION', label: '拟定答复决定' }}
      onClose={() => undefined}
    />,
    { routes: { 'POST /api/cases/c1/events': answer } },
  );
}

async function chooseOutcome(dialog: HTMLElement, typed: string, option: string) {
  const box = within(dialog).getByRole('combobox');
  fireEvent.mouseDown(box);
  fireEvent.change(box, { target: { value: typed } });
  // The group header of （一） has the same title as its only option.
  const choices = await screen.findAllByTitle(option);
  fireEvent.click(choices[choices.length - 1] as HTMLElement);
}

describe('the decision with reasons', () => {
  it('asks reasons and basis for a refusing outcome, pre-fills the article and sends both', async () => {
    const fetch = renderDraft();
    const dialog = await screen.findByRole('dialog');
    await chooseOutcome(dialog, '国家秘密', '（三）1. 属于国家秘密');
    const basis = await within(dialog).findByLabelText('法律依据');
    expect(basis).toHaveValue('《中华人民共和国政府信息公开条例》第十四条');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('请填写理由（答复书将载明）')).toBeInTheDocument();
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('理由（答复书将载明）'), {
      target: { value: '该文件已被定为秘密级国家秘密。' },
    });
    fireEvent.change(basis, { target: { value: '《中华人民共和国保守国家秘密法》第二条' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(fetch.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      type: 'DRAFT_DECISION',
      payload: {
        outcome: 'withheld.state_secret',
        reasons: '该文件已被定为秘密级国家秘密。',
        basis: '《中华人民共和国保守国家秘密法》第二条',
      },
      expectedVersion: 5,
    });
    // jsdom renders antd's select and two text areas slowly on a shared two-core host.
  }, 90_000);

  it('asks no reasons for 予以公开', async () => {
    const fetch = renderDraft();
    const dialog = await screen.findByRole('dialog');
    await chooseOutcome(dialog, '予以公开', '（一）予以公开');
    expect(within(dialog).queryByLabelText('理由（答复书将载明）')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(fetch.calls.some((c) => c.method === 'POST')).toBe(true));
    const body = fetch.calls.find((c) => c.method === 'POST')?.body as { payload: object };
    expect(body.payload).not.toHaveProperty('reasons');
    expect(body.payload).not.toHaveProperty('basis');
  });
});

describe('CaseLetters', () => {
  it('offers only the letters the case history supports and previews a draft decision', async () => {
    renderDeskPage(<CaseLetters caseId="c1" caseRef="2025-0007" version={3} />, {
      routes: {
        'GET /api/cases/c1/letters': { body: { kinds: ['receipt', 'decision'] } },
        'GET /api/cases/c1/letters/decision/preview': {
          body: {
            kind: 'decision',
            title: '政府信息公开申请答复书',
            paragraphs: [
              '王小明：',
              '理由如下：该文件已被定为秘密级国家秘密。',
              '如对本答复不服，可以……申请行政复议',
            ],
            draft: true,
          },
        },
      },
    });
    expect(await screen.findByTestId('letter-receipt')).toBeInTheDocument();
    expect(screen.getByTestId('letter-decision')).toBeInTheDocument();
    expect(screen.queryByTestId('letter-extension')).toBeNull();
    expect(screen.queryByTestId('letter-supplement')).toBeNull();
    fireEvent.click(screen.getByTestId('letter-preview-decision'));
    const preview = await screen.findByTestId('letter-preview');
    expect(preview).toHaveTextContent('草稿：答复决定尚未审批');
    expect(preview).toHaveTextContent('该文件已被定为秘密级国家秘密。');
    expect(preview).toHaveTextContent('申请行政复议');
  });
});

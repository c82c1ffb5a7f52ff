import { ApiClient, createFakeFetch, healthAnswer, type FakeHandler } from '@gongkai/ui';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../app';

const agencies = [
  {
    code: 'pingtan',
    name: '平潭综合实验区管理委员会',
    children: [{ code: 'pingtan-jiaotong', name: '平潭综合实验区交通与建设局', children: [] }],
  },
];

const receipt = {
  queryCode: 'K7M2Q9X4PA',
  ref: '2025-0042',
  agency: { code: 'pingtan-jiaotong', name: '平潭综合实验区交通与建设局' },
  receivedOn: '2025-06-30',
  answerDueOn: '2025-07-28',
  applicantName: '李四',
  request: '特征描述：某路段改造工程的立项批复',
  requestedForm: '电子文件；电子邮件',
  receiptStatement:
    '本回执确认平潭综合实验区交通与建设局已于2025年6月30日通过网络平台收到您的政府信息公开申请。依据……以双方确认之日为收到申请之日，本回执所载日期即为双方确认之日。',
  submittedAt: '2025-06-30T02:00:00.000Z',
};

function renderAt(path: string, routes: Record<string, FakeHandler> = {}) {
  window.history.replaceState({}, '', path);
  const fetch = createFakeFetch({
    'GET /api/health': healthAnswer('up', 'up'),
    'GET /api/public/agencies': { body: agencies },
    ...routes,
  });
  render(<App client={new ApiClient({ fetch })} />);
  return fetch;
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('online application', () => {
  beforeEach(() => {
    window.localStorage.clear();
    window.sessionStorage.clear();
  });

  it('checks the form in the browser with the API schema and sends nothing while it is wrong', async () => {
    const fetch = renderAt('/apply?agency=pingtan-jiaotong', {
      'POST /api/public/applications': { status: 201, body: receipt },
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: '网上申请政府信息公开' }),
    ).toBeInTheDocument();
    type('姓名', '李四');
    type('身份证号码', '110105194912310021');
    type('联系电话', '123');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));

    expect(await screen.findByText('身份证号码校验码不正确，请核对')).toBeInTheDocument();
    expect(screen.getByText(/联系电话格式不正确/)).toBeInTheDocument();
    expect(screen.getByText('请填写所需信息的特征描述')).toBeInTheDocument();
    expect(screen.getByText('通过电子邮件获取信息的，请填写电子邮箱')).toBeInTheDocument();
    expect(screen.getByText('请确认所填内容真实准确')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('请按提示修改');
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('submits a valid application and shows the receipt with its 查询码 and the Art. 31 statement', async () => {
    const fetch = renderAt('/apply?agency=pingtan-jiaotong', {
      'POST /api/public/applications': { status: 201, body: receipt },
    });
    await screen.findByRole('heading', { level: 1, name: '网上申请政府信息公开' });
    type('姓名', '李四');
    type('身份证号码', '11010519491231002X');
    type('联系电话', '13912345678');
    type('电子邮箱', 'lisi@example.com');
    type('所需信息的特征描述', '某路段改造工程的立项批复');
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));

    expect(await screen.findByRole('heading', { level: 1, name: '申请回执' })).toBeInTheDocument();
    expect(screen.getByTestId('query-code')).toHaveTextContent('K7M2Q9X4PA');
    expect(screen.getByTestId('received-on')).toHaveTextContent('2025年6月30日');
    expect(screen.getByTestId('receipt-statement')).toHaveTextContent('双方确认之日');
    const post = fetch.calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({
      agencyCode: 'pingtan-jiaotong',
      applicant: { category: 'natural_person', name: '李四', phone: '13912345678' },
      provision: { form: 'electronic', delivery: 'email' },
      confirmed: true,
    });
    expect(screen.getByRole('link', { name: '查询办理进度' })).toHaveAttribute(
      'href',
      '/track?code=K7M2Q9X4PA',
    );
  });

  it("puts the API's field errors under their fields", async () => {
    renderAt('/apply?agency=pingtan-jiaotong', {
      'POST /api/public/applications': {
        status: 429,
        body: { statusCode: 429, error: 'Too Many Requests', message: '操作过于频繁，请稍后再试' },
      },
    });
    await screen.findByRole('heading', { level: 1, name: '网上申请政府信息公开' });
    type('姓名', '李四');
    type('身份证号码', '11010519491231002X');
    type('联系电话', '13912345678');
    type('电子邮箱', 'lisi@example.com');
    type('所需信息的特征描述', '某路段改造工程的立项批复');
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('操作过于频繁，请稍后再试');
  });
});

describe('application status', () => {
  it('shows the stage and the due date in plain words', async () => {
    const fetch = renderAt('/track?code=K7M2Q9X4PA', {
      'POST /api/public/applications/status': (req) =>
        (req.body as { phoneLast4: string }).phoneLast4 === '5678'
          ? {
              body: {
                queryCode: 'K7M2Q9X4PA',
                ref: '2025-0042',
                agency: { code: 'pingtan-jiaotong', name: '平潭综合实验区交通与建设局' },
                receivedOn: '2025-06-30',
                stage: 'consulting',
                stageLabel: '征求意见中',
                closed: false,
                answerDueOn: '2025-08-11',
                extended: false,
                supplementDueOn: null,
                outcome: null,
                decidedOn: null,
                servedOn: null,
              },
            }
          : {
              status: 404,
              body: {
                statusCode: 404,
                error: 'Not Found',
                message: '未找到对应的申请，请核对查询码和电话号码后四位',
              },
            },
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: '申请办理进度查询' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('查询码')).toHaveValue('K7M2Q9X4PA');
    type('电话号码后四位', '0000');
    fireEvent.click(screen.getByRole('button', { name: '查 询' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('未找到对应的申请');

    type('电话号码后四位', '5678');
    fireEvent.click(screen.getByRole('button', { name: '查 询' }));
    expect(await screen.findByTestId('application-stage')).toHaveTextContent('征求意见中');
    expect(screen.getByTestId('answer-due-on')).toHaveTextContent('2025年8月11日');
    expect(screen.getByText(/征求意见期间不计入答复期限/)).toBeInTheDocument();
    expect(fetch.calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('refuses a malformed code in the browser', async () => {
    const fetch = renderAt('/track');
    await screen.findByRole('heading', { level: 1, name: '申请办理进度查询' });
    type('查询码', 'abc');
    type('电话号码后四位', '12');
    fireEvent.click(screen.getByRole('button', { name: '查 询' }));
    expect(await screen.findByText('查询码为10位字母或数字')).toBeInTheDocument();
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false);
  });
});

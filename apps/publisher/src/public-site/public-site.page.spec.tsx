import { createReport, toReportJson } from '@gongkai/report/core';
import { ApiClient, createFakeFetch, healthAnswer, type FakeHandler } from '@gongkai/ui';
import { render, screen, within } from '@testing-library/react';
import { App } from '../app';

const agency = { code: 'pingtan-jiaotong', name: '平潭综合实验区交通与建设局' };
const agencies = [
  {
    code: 'pingtan',
    name: '平潭综合实验区管理委员会',
    children: [{ ...agency, children: [] }],
  },
];

function reportJson(received: number, version: number) {
  const report = createReport({
    agency,
    year: 2023,
    status: 'published',
    version,
    texts: {
      overview: '（一）主动公开情况\n本年主动公开政府信息若干条。',
      problems: '无',
      other: '无',
    },
  });
  report.section3.rows['received'] = [received, 0, 0, 0, 0, 0, received];
  return toReportJson(report);
}

const versions = [
  { version: 1, sha256: 'a'.repeat(64), changeNote: null, publishedAt: '2024-01-20T02:00:00.000Z' },
  {
    version: 2,
    sha256: 'b'.repeat(64),
    changeNote: '更正第二部分行政许可数量',
    publishedAt: '2024-01-25T02:00:00.000Z',
  },
];

const published = (version: number, received: number) => ({
  body: {
    agency,
    year: 2023,
    version,
    sha256: versions[version - 1]?.sha256,
    changeNote: versions[version - 1]?.changeNote,
    publishedAt: versions[version - 1]?.publishedAt,
    versions,
    report: reportJson(received, version),
  },
});

const base = '/api/public/reports/pingtan-jiaotong/2023';
const indexEntry = {
  agency,
  year: 2023,
  version: 2,
  sha256: 'b'.repeat(64),
  publishedAt: '2024-01-25T02:00:00.000Z',
  url: base,
  downloads: {
    json: `${base}/versions/2/download?format=json`,
    csvSection3: `${base}/versions/2/download?format=csv&section=3`,
    csvSection4: `${base}/versions/2/download?format=csv&section=4`,
    html: `${base}/versions/2/download?format=html`,
    docx: `${base}/versions/2/download?format=docx`,
    xlsx: `${base}/versions/2/download?format=xlsx`,
    txt: `${base}/versions/2/download?format=txt`,
  },
};

function renderAt(path: string, routes: Record<string, FakeHandler> = {}) {
  window.history.replaceState({}, '', path);
  const fetch = createFakeFetch({
    'GET /api/health': healthAnswer('up', 'up'),
    'GET /api/public/agencies': { body: agencies },
    'GET /api/public/reports': { body: { reports: [indexEntry] } },
    [`GET ${base}`]: published(2, 17),
    [`GET ${base}/versions/1`]: published(1, 16),
    ...routes,
  });
  render(<App client={new ApiClient({ fetch })} />);
  return fetch;
}

describe('public site', () => {
  beforeEach(() => window.localStorage.clear());

  it('lists the agency tree with the years each agency has published', async () => {
    renderAt('/reports');
    expect(
      await screen.findByRole('heading', { level: 1, name: '政府信息公开工作年度报告' }),
    ).toBeInTheDocument();
    const tree = screen.getByRole('navigation', { name: '机关' });
    expect(
      await within(tree).findByRole('link', { name: '平潭综合实验区管理委员会' }),
    ).toHaveAttribute('href', '/reports/pingtan');
    expect(
      within(tree).getByRole('link', { name: '平潭综合实验区交通与建设局 2023年度' }),
    ).toHaveAttribute('href', '/reports/pingtan-jiaotong/2023');
  });

  it('shows a published report in the official layout with its versions and downloads', async () => {
    renderAt('/reports/pingtan-jiaotong/2023');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: '平潭综合实验区交通与建设局2023年度政府信息公开工作年度报告',
      }),
    ).toBeInTheDocument();
    for (const heading of [
      '一、总体情况',
      '三、收到和处理政府信息公开申请情况',
      '六、其他需要报告的事项',
    ])
      expect(screen.getByRole('heading', { name: heading })).toBeInTheDocument();
    expect(document.querySelector('[data-cell="3/received/total"]')).toHaveTextContent('17');
    expect(screen.getByText('一、本年新收政府信息公开申请数量')).toBeInTheDocument();
    expect(screen.getByTestId('download-docx')).toHaveAttribute(
      'href',
      `${base}/versions/2/download?format=docx`,
    );
    expect(screen.getByTestId('download-csv3')).toHaveAttribute(
      'href',
      `${base}/versions/2/download?format=csv&section=3`,
    );
    expect(screen.getByTestId('version-2')).toHaveTextContent('更正第二部分行政许可数量');
    expect(screen.getByTestId('version-1')).toHaveTextContent('首次发布');
    expect(within(screen.getByTestId('version-1')).getByRole('link')).toHaveAttribute(
      'href',
      '/reports/pingtan-jiaotong/2023?version=1',
    );
  });

  it('keeps an earlier version readable and says it is not the latest', async () => {
    renderAt('/reports/pingtan-jiaotong/2023?version=1');
    expect(await screen.findByText('您正在查看第1版，不是最新版本。')).toBeInTheDocument();
    expect(document.querySelector('[data-cell="3/received/total"]')).toHaveTextContent('16');
  });

  it('lists every published report in the open-data index with its JSON', async () => {
    renderAt('/open-data');
    expect(await screen.findByRole('link', { name: 'JSON' })).toHaveAttribute(
      'href',
      indexEntry.downloads.json,
    );
    expect(screen.getByRole('link', { name: '/api/public/reports' })).toBeInTheDocument();
  });
});

import { buildSite, type SiteReport, type SiteVersion } from './site.builder';

const version = (n: number, note: string | null, received: number): SiteVersion => ({
  version: n,
  sha256: String(n).repeat(64),
  changeNote: note,
  publishedAt: new Date(`2024-01-${10 + n}T02:00:00Z`),
  files: {
    html: Buffer.from(
      `<!DOCTYPE html>\n<html lang="zh-CN"><head><title>r</title></head>\n<body>\n<h1>报告</h1><td data-cell="3/received/total">${received}</td></body></html>`,
    ),
    json: Buffer.from(JSON.stringify({ version: n })),
    txt: Buffer.from('text'),
    docx: Buffer.from('PK-docx'),
    xlsx: Buffer.from('PK-xlsx'),
    csv3: Buffer.from('csv3'),
    csv4: Buffer.from('csv4'),
  },
});

const agencies = [
  { code: 'pingtan', name: '平潭综合实验区管理委员会', parentCode: null },
  { code: 'pingtan-jiaotong', name: '平潭综合实验区交通与建设局', parentCode: 'pingtan' },
  { code: 'pingtan-quiet', name: '未发布的局', parentCode: 'pingtan' },
];
const reports: SiteReport[] = [
  {
    agency: { code: 'pingtan-jiaotong', name: '平潭综合实验区交通与建设局' },
    year: 2023,
    versions: [version(1, null, 16), version(2, '更正本年新收数量', 17)],
  },
];

describe('buildSite', () => {
  const files = buildSite(agencies, reports, new Date('2024-02-01T00:00:00Z'));
  const text = (p: string) => String(files.get(p));

  it('writes the latest version at the year folder and every version under versions/', () => {
    expect(text('pingtan-jiaotong/2023/index.html')).toContain('data-cell="3/received/total">17<');
    expect(text('pingtan-jiaotong/2023/versions/1/index.html')).toContain(
      'data-cell="3/received/total">16<',
    );
    expect(text('pingtan-jiaotong/2023/versions/1/index.html')).toContain('不是最新版本');
    expect(files.get('pingtan-jiaotong/2023/report.docx')).toEqual(Buffer.from('PK-docx'));
    expect(files.get('pingtan-jiaotong/2023/versions/1/report.json')).toEqual(
      Buffer.from('{"version":1}'),
    );
  });

  it('puts download links and the version history into the stored HTML', () => {
    const page = text('pingtan-jiaotong/2023/index.html');
    for (const file of [
      'report.docx',
      'report.xlsx',
      'report.json',
      'section3.csv',
      'section4.csv',
    ])
      expect(page).toContain(`href="${file}"`);
    expect(page).toContain('更正本年新收数量');
    expect(page).toContain('href="versions/1/index.html"');
    expect(page.indexOf('<aside')).toBeGreaterThan(page.indexOf('<body>'));
  });

  it('lists the agencies that published, with their ancestors, and an open-data index', () => {
    const home = text('index.html');
    expect(home).toContain('平潭综合实验区管理委员会');
    expect(home).toContain('href="pingtan-jiaotong/2023/index.html"');
    expect(home).not.toContain('未发布的局');
    expect(text('pingtan-jiaotong/index.html')).toContain('href="2023/index.html"');
    const index = JSON.parse(text('index.json'));
    expect(index.reports).toEqual([
      expect.objectContaining({
        agency: reports[0]?.agency,
        year: 2023,
        version: 2,
        downloads: expect.objectContaining({
          json: 'pingtan-jiaotong/2023/versions/2/report.json',
        }),
      }),
    ]);
  });

  it('refuses an agency code that is not a safe folder name', () => {
    expect(() =>
      buildSite(
        [],
        [{ ...reports[0], agency: { code: '../etc', name: 'x' } } as SiteReport],
        new Date(),
      ),
    ).toThrow('机关代码不能用作目录名');
  });
});

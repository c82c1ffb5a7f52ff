import type { ReportDownloadFormat } from '@gongkai/contracts';
import type { SiteAgency, SiteReport, SiteVersion } from '@gongkai/application';

export type { SiteAgency, SiteReport, SiteVersion };

/** The files of one version and their names in its folder. */
const FILES: {
  key: keyof SiteVersion['files'];
  name: string;
  label: string;
  format: ReportDownloadFormat;
}[] = [
  { key: 'docx', name: 'report.docx', label: 'Word（DOCX）', format: 'docx' },
  { key: 'xlsx', name: 'report.xlsx', label: 'Excel（XLSX）', format: 'xlsx' },
  { key: 'json', name: 'report.json', label: 'JSON 开放数据', format: 'json' },
  { key: 'csv3', name: 'section3.csv', label: 'CSV（第三部分）', format: 'csv' },
  { key: 'csv4', name: 'section4.csv', label: 'CSV（第四部分）', format: 'csv' },
  { key: 'txt', name: 'report.txt', label: '纯文本', format: 'txt' },
  { key: 'html', name: 'report.html', label: 'HTML（原始排版）', format: 'html' },
];

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Codes become folder names: only the characters agency codes are allowed to have. */
function safeSegment(code: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(code)) throw new Error(`机关代码不能用作目录名：${code}`);
  return code;
}

const SITE_CSS = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:960px;margin:0 auto;padding:16px;line-height:1.7;color:#1f1f1f}
a{color:#0b57d0}a:focus{outline:2px solid #0b57d0;outline-offset:2px}
nav.site{border-bottom:1px solid #ddd;padding:8px 0;margin-bottom:16px}
ul.tree{list-style:none;padding-left:0}ul.tree ul{list-style:none;padding-left:20px;border-left:1px solid #e5e5e5}
.meta{color:#555;font-size:14px}code{word-break:break-all}
@media print{nav.site,aside.site{display:none}}`;

function page(title: string, body: string, root: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${SITE_CSS}</style></head>`,
    '<body>',
    `<nav class="site" aria-label="站点导航"><a href="${root}index.html">政府信息公开工作年度报告</a> · <a href="${root}index.json">开放数据索引（JSON）</a></nav>`,
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const dateTime = (d: Date): string =>
  d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

function reportTitle(report: SiteReport): string {
  return `${report.agency.name}${report.year}年度政府信息公开工作年度报告`;
}

/**
 * A version's page: the stored HTML rendering (the official layout, print CSS included) with a
 * block of download links and the version history put in after <body>.
 */
function versionPage(report: SiteReport, version: SiteVersion, folder: string): string {
  const latest = report.versions[report.versions.length - 1]?.version;
  const links = FILES.map(
    (f) => `<li><a href="${f.name}" download>${escape(f.label)}</a></li>`,
  ).join('');
  const history = [...report.versions]
    .reverse()
    .map((v) => {
      const href = `${folder}versions/${v.version}/index.html`;
      const label = `第${v.version}版${v.version === latest ? '（最新）' : ''}`;
      const name =
        v.version === version.version
          ? `<strong>${label}</strong>`
          : `<a href="${href}">${label}</a>`;
      return `<li>${name} <span class="meta">${escape(dateTime(v.publishedAt))}</span><br>${escape(v.changeNote ?? '首次发布')}<br><span class="meta">SHA-256 <code>${v.sha256}</code></span></li>`;
    })
    .join('');
  const notice =
    version.version !== latest
      ? `<p><strong>您正在查看第${version.version}版，不是最新版本。</strong> <a href="${folder}index.html">查看最新版本</a></p>`
      : '';
  const aside = `<aside class="site" style="border:1px solid #ddd;padding:8px 16px;margin:16px 0;font-family:sans-serif;font-size:14px"><p><a href="${folder}../index.html">← ${escape(report.agency.name)}</a></p>${notice}<h2 style="font-size:15px">下载</h2><ul>${links}</ul><h2 style="font-size:15px">版本记录</h2><ol reversed>${history}</ol></aside>`;
  const html = version.files.html.toString('utf8');
  return html.includes('<body>') ? html.replace('<body>', `<body>\n${aside}`) : aside + html;
}

export interface SiteIndexEntry {
  agency: { code: string; name: string };
  year: number;
  version: number;
  sha256: string;
  publishedAt: string;
  url: string;
  downloads: Record<
    'json' | 'csvSection3' | 'csvSection4' | 'html' | 'docx' | 'xlsx' | 'txt',
    string
  >;
}

/**
 * The static site as relative path → content: `index.html` (the agency tree), `index.json`
 * (the open-data index, links relative to it), `<agency>/index.html`, `<agency>/<year>/` with the
 * latest version's page and files, and `<agency>/<year>/versions/<n>/` for every version — an
 * earlier version stays readable after a correction.
 */
export function buildSite(
  agencies: readonly SiteAgency[],
  reports: readonly SiteReport[],
  generatedAt: Date,
): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  const published = reports.filter((r) => r.versions.length > 0);
  const byAgency = new Map<string, SiteReport[]>();
  for (const r of published)
    byAgency.set(r.agency.code, [...(byAgency.get(r.agency.code) ?? []), r]);

  const index: SiteIndexEntry[] = [];
  for (const report of published) {
    const dir = `${safeSegment(report.agency.code)}/${report.year}`;
    const latest = report.versions[report.versions.length - 1] as SiteVersion;
    for (const version of report.versions) {
      const vdir = `${dir}/versions/${version.version}`;
      for (const f of FILES) files.set(`${vdir}/${f.name}`, version.files[f.key]);
      files.set(`${vdir}/index.html`, versionPage(report, version, '../../'));
    }
    for (const f of FILES) files.set(`${dir}/${f.name}`, latest.files[f.key]);
    files.set(`${dir}/index.html`, versionPage(report, latest, ''));
    const v = `${dir}/versions/${latest.version}`;
    index.push({
      agency: report.agency,
      year: report.year,
      version: latest.version,
      sha256: latest.sha256,
      publishedAt: latest.publishedAt.toISOString(),
      url: `${dir}/index.html`,
      downloads: {
        json: `${v}/report.json`,
        csvSection3: `${v}/section3.csv`,
        csvSection4: `${v}/section4.csv`,
        html: `${v}/report.html`,
        docx: `${v}/report.docx`,
        xlsx: `${v}/report.xlsx`,
        txt: `${v}/report.txt`,
      },
    });
  }
  index.sort((a, b) => b.year - a.year || a.agency.code.localeCompare(b.agency.code));

  for (const [code, list] of byAgency) {
    const name = list[0]?.agency.name ?? code;
    const items = [...list]
      .sort((a, b) => b.year - a.year)
      .map((r) => {
        const latest = r.versions[r.versions.length - 1] as SiteVersion;
        return `<li><a href="${r.year}/index.html">${escape(reportTitle(r))}</a> <span class="meta">第${latest.version}版 · ${escape(dateTime(latest.publishedAt))}</span></li>`;
      })
      .join('\n');
    files.set(
      `${safeSegment(code)}/index.html`,
      page(
        `${name} · 年度报告`,
        `<h1>${escape(name)} · 政府信息公开工作年度报告</h1>\n<ul>\n${items}\n</ul>`,
        '../',
      ),
    );
  }

  // The tree keeps the ancestors of every agency that has published, and nothing else.
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const keep = new Set<string>();
  for (const code of byAgency.keys()) {
    let at: SiteAgency | undefined = byCode.get(code);
    while (at && !keep.has(at.code)) {
      keep.add(at.code);
      at = at.parentCode ? byCode.get(at.parentCode) : undefined;
    }
  }
  const byName = (a: SiteAgency, b: SiteAgency) => a.name.localeCompare(b.name, 'zh-CN');
  const item = (a: SiteAgency): string => {
    const years = [...(byAgency.get(a.code) ?? [])]
      .sort((x, y) => y.year - x.year)
      .map((r) => ` <a href="${safeSegment(a.code)}/${r.year}/index.html">${r.year}年度</a>`)
      .join('');
    const name = byAgency.has(a.code)
      ? `<a href="${safeSegment(a.code)}/index.html">${escape(a.name)}</a>`
      : escape(a.name);
    const below = agencies.filter((c) => c.parentCode === a.code && keep.has(c.code)).sort(byName);
    return `<li>${name}${years}${list(below)}</li>`;
  };
  const list = (nodes: SiteAgency[]): string =>
    nodes.length ? `<ul class="tree">${nodes.map(item).join('')}</ul>` : '';
  // Agencies whose parent is not in the list (a subtree export) are roots.
  const roots = agencies
    .filter((a) => keep.has(a.code) && (!a.parentCode || !byCode.has(a.parentCode)))
    .sort(byName);
  const rootHtml = roots.length ? list(roots) : '<p>暂无已发布的年度报告。</p>';
  files.set(
    'index.html',
    page(
      '政府信息公开工作年度报告',
      `<h1>政府信息公开工作年度报告</h1>\n<p class="meta">生成时间 ${escape(dateTime(generatedAt))}。报告发布后不再改动；更正以新版本发布，原版本仍可查阅。</p>\n${rootHtml}`,
      '',
    ),
  );
  files.set(
    'index.json',
    JSON.stringify({ generatedAt: generatedAt.toISOString(), reports: index }, null, 2) + '\n',
  );
  return files;
}
